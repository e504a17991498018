import "server-only";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { can, type Permission } from "@/lib/workspaces/permissions";
import type { Role } from "@/lib/workspaces/roles";

export interface WorkspaceAccess {
  workspace: { id: string; name: string; slug: string; personal: boolean };
  role: Role;
}

/**
 * The caller's access to a workspace, or not_found — never forbidden, so a stranger cannot tell
 * a workspace they may not see from one that does not exist.
 */
export async function getMembership(args: {
  userId: string;
  slug: string;
  permission?: Permission;
}): Promise<WorkspaceAccess> {
  const membership = await db.membership.findFirst({
    where: { userId: args.userId, workspace: { slug: args.slug } },
    select: {
      role: true,
      workspace: { select: { id: true, name: true, slug: true, personal: true } },
    },
  });
  if (!membership) throw new AppError("not_found", "Workspace not found");
  if (!can(membership.role, args.permission ?? "gallery.view")) {
    throw new AppError("forbidden", "Your role in this workspace does not allow this");
  }
  return { workspace: membership.workspace, role: membership.role as Role };
}
