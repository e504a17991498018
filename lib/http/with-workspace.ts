import "server-only";
import type { NextRequest } from "next/server";
import { currentUser, type SessionUser } from "@/lib/auth/session";
import { errorResponse, jsonError } from "@/lib/http/json-error";
import { getMembership, type WorkspaceAccess } from "@/lib/workspaces/get-membership";
import type { Permission } from "@/lib/workspaces/permissions";

type Params = { slug: string } & Record<string, string>;

/**
 * A route handler on one workspace: the caller is signed in and a member allowed `permission`,
 * or gets 401/404 — checked here, on the server, for every route built with it.
 */
export function withWorkspace<P extends Params>(
  route: string,
  handler: (
    req: NextRequest,
    ctx: { params: P; user: SessionUser } & WorkspaceAccess,
  ) => Promise<Response>,
  options: { permission: Permission },
) {
  return async (req: NextRequest, { params }: { params: Promise<P> }): Promise<Response> => {
    try {
      const user = await currentUser();
      if (!user) return jsonError(401, "unauthorized", "Sign in to continue");
      const p = await params;
      const access = await getMembership({
        userId: user.id,
        slug: p.slug,
        permission: options.permission,
      });
      return await handler(req, { params: p, user, ...access });
    } catch (e) {
      return errorResponse(e, route);
    }
  };
}
