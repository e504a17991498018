import "server-only";
import { recordAudit } from "@/lib/audit/record-audit";
import type { SessionUser } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";

/** Makes another member the owner; the current owner stays on as an admin. */
export async function transferOwnership(args: {
  workspace: { id: string; personal: boolean };
  actor: SessionUser;
  toUserId: string;
}): Promise<void> {
  if (args.workspace.personal) {
    throw new AppError("forbidden", "A personal workspace cannot change hands");
  }
  if (args.toUserId === args.actor.id) {
    throw new AppError("invalid_input", "You already own this workspace");
  }
  const target = await db.$transaction(async (tx) => {
    const member = await tx.membership.findUnique({
      where: { userId_workspaceId: { userId: args.toUserId, workspaceId: args.workspace.id } },
      select: { id: true, role: true, user: { select: { email: true } } },
    });
    if (!member) throw new AppError("not_found", "That person is not a member of this workspace");
    await tx.membership.update({ where: { id: member.id }, data: { role: "owner" } });
    await tx.membership.update({
      where: { userId_workspaceId: { userId: args.actor.id, workspaceId: args.workspace.id } },
      data: { role: "admin" },
    });
    return member;
  });
  await recordAudit({
    workspaceId: args.workspace.id,
    actor: args.actor,
    action: "workspace.transferred",
    target: { type: "user", id: args.toUserId },
    details: { to: target.user.email, previousRole: target.role },
  });
}
