import "server-only";
import { recordAudit } from "@/lib/audit/record-audit";
import type { SessionUser } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { revokeInvitesOf } from "@/lib/invites/revoke-invites-of";
import { lockWorkspace } from "@/lib/workspaces/lock-workspace";
import { roleChangeRefusal } from "@/lib/workspaces/member-rules";
import { refusalError } from "@/lib/workspaces/membership-errors";
import type { Role } from "@/lib/workspaces/roles";

/** Gives a member another role, by the rules in member-rules.ts. */
export async function changeMemberRole(args: {
  workspace: { id: string };
  actor: SessionUser & { role: Role };
  userId: string;
  role: Role;
}): Promise<void> {
  const previous = await db.$transaction(async (tx) => {
    await lockWorkspace(tx, args.workspace.id);
    const where = { userId_workspaceId: { userId: args.userId, workspaceId: args.workspace.id } };
    const member = await tx.membership.findUnique({
      where,
      select: { role: true, user: { select: { email: true } } },
    });
    if (!member) throw new AppError("not_found", "That person is not a member of this workspace");
    if (member.role === args.role) return null;
    const ownerCount = await tx.membership.count({
      where: { workspaceId: args.workspace.id, role: "owner" },
    });
    const refusal = roleChangeRefusal({
      actorRole: args.actor.role,
      targetRole: member.role,
      newRole: args.role,
      ownerCount,
    });
    if (refusal) throw refusalError(refusal);
    await tx.membership.update({ where, data: { role: args.role } });
    await revokeInvitesOf(tx, {
      workspaceId: args.workspace.id,
      userId: args.userId,
      newRole: args.role,
    });
    return member;
  });
  if (previous === null) return;
  await recordAudit({
    workspaceId: args.workspace.id,
    actor: args.actor,
    action: "member.role-changed",
    target: { type: "user", id: args.userId },
    details: { email: previous.user.email, from: previous.role, to: args.role },
  });
}
