// zod/mini: the budget form checks these same rules in the browser (see lib/auth/schemas.ts).
import { z } from "zod/mini";

// A kie.ai key as pasted: surrounding spaces dropped, nothing else touched.
const secretKey = z
  .string()
  .check(
    z.trim(),
    z.minLength(8, "too_short"),
    z.maxLength(256, "too_long"),
    z.regex(/^\S+$/, "whitespace"),
  );

export const setKieKeysInput = z
  .object({
    workspaceSlug: z.string().check(z.minLength(1)),
    apiKey: z.optional(secretKey),
    hmacKey: z.optional(secretKey),
  })
  .check(
    z.refine((v) => v.apiKey !== undefined || v.hmacKey !== undefined, {
      message: "nothing_to_set",
      path: ["apiKey"],
    }),
  );

export const removeKieKeyInput = z.object({
  workspaceSlug: z.string().check(z.minLength(1)),
  which: z.enum(["apiKey", "hmacKey"]),
});

export const testKieKeyInput = z.object({
  workspaceSlug: z.string().check(z.minLength(1)),
  // Empty: test the key the workspace uses now (its own, or the server's).
  apiKey: z.optional(
    z.union([
      secretKey,
      z.pipe(
        z.literal(""),
        z.transform(() => undefined),
      ),
    ]),
  ),
});

const creditLimit = z.nullable(z.int().check(z.minimum(1), z.maximum(100_000_000)));

export const setWorkspaceBudgetInput = z.object({
  workspaceSlug: z.string().check(z.minLength(1)),
  limit: creditLimit,
});

export const setContentFilterInput = z.object({
  workspaceSlug: z.string().check(z.minLength(1)),
  on: z.boolean(),
});

export const setMemberBudgetInput = z.object({
  workspaceSlug: z.string().check(z.minLength(1)),
  userId: z.string().check(z.minLength(1)),
  limit: creditLimit,
});
