import "server-only";
// Any zod schema, classic or mini (the schemas the browser also checks are mini, see
// lib/auth/schemas.ts), parsed by classic's safeParse: importing classic also installs zod's
// English messages, which mini leaves out and field errors pass on.
import { z } from "zod";
import type { ActionResult } from "@/lib/actions/action-result";
import { currentUser, type SessionUser } from "@/lib/auth/session";
import { AppError, isAppError } from "@/lib/errors";
import { isDatabaseUnavailable, isUnstorableText, UNSTORABLE_TEXT } from "@/lib/http/json-error";
import { logger } from "@/lib/logger";
import { getMembership, type WorkspaceAccess } from "@/lib/workspaces/get-membership";
import type { Permission } from "@/lib/workspaces/permissions";

function fieldErrors(error: z.core.$ZodError): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const issue of error.issues) {
    const key = issue.path.join(".") || "_";
    fields[key] ??= issue.message;
  }
  return fields;
}

async function run<T>(name: string, body: () => Promise<T>): Promise<ActionResult<T>> {
  try {
    return { ok: true, data: await body() };
  } catch (e) {
    if (isAppError(e)) {
      return { ok: false, error: { code: e.code, message: e.message, fields: e.fields } };
    }
    if (isDatabaseUnavailable(e)) {
      return {
        ok: false,
        error: {
          code: "unavailable",
          message: "The studio's database is briefly unavailable. Try again in a moment.",
        },
      };
    }
    if (isUnstorableText(e)) {
      return { ok: false, error: { code: "invalid_input", message: UNSTORABLE_TEXT } };
    }
    logger.error({ action: name, err: e }, "server action failed");
    return { ok: false, error: { code: "internal", message: "Something went wrong. Try again." } };
  }
}

function parse<S extends z.core.$ZodType>(schema: S, raw: unknown): z.infer<S> {
  const parsed = z.safeParse(schema, raw);
  if (!parsed.success) {
    throw new AppError("invalid_input", "Check the highlighted fields", fieldErrors(parsed.error));
  }
  return parsed.data;
}

/** An action anyone may call (sign-up). Validates its input with `schema`. */
export function publicAction<S extends z.core.$ZodType, T>(
  name: string,
  schema: S,
  handler: (input: z.infer<S>) => Promise<T>,
) {
  return (raw: unknown): Promise<ActionResult<T>> => run(name, () => handler(parse(schema, raw)));
}

/** An action of a signed-in person that is not about one workspace (create a workspace, join). */
export function userAction<S extends z.core.$ZodType, T>(
  name: string,
  schema: S,
  handler: (input: z.infer<S>, ctx: { user: SessionUser }) => Promise<T>,
) {
  return (raw: unknown): Promise<ActionResult<T>> =>
    run(name, async () => {
      const user = await currentUser();
      if (!user) throw new AppError("unauthorized", "Sign in to continue");
      return handler(parse(schema, raw), { user });
    });
}

/**
 * An action on a workspace: signed in, a member of `input.workspaceSlug` allowed `permission`,
 * input valid — checked here so no action can forget one of them.
 */
export function workspaceAction<S extends z.core.$ZodType<{ workspaceSlug: string }>, T>(
  name: string,
  options: { schema: S; permission: Permission },
  handler: (input: z.infer<S>, ctx: { user: SessionUser } & WorkspaceAccess) => Promise<T>,
) {
  return (raw: unknown): Promise<ActionResult<T>> =>
    run(name, async () => {
      const user = await currentUser();
      if (!user) throw new AppError("unauthorized", "Sign in to continue");
      const input = parse(options.schema, raw);
      const access = await getMembership({
        userId: user.id,
        slug: input.workspaceSlug,
        permission: options.permission,
      });
      return handler(input, { user, ...access });
    });
}
