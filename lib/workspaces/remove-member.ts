import "server-only";
import { recordAudit } from "@/lib/audit/record-audit";
import type { SessionUser } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { publishMemberRemoved } from "@/lib/events/bus";
import { revokeInvitesOf } from "@/lib/invites/revoke-invites-of";
import { lockWorkspace } from "@/lib/workspaces/lock-workspace";
import { removalRefusal } from "@/lib/workspaces/member-rules";
import { refusalError } from "@/lib/workspaces/membership-errors";
import type { Role } from "@/lib/workspaces/roles";

/**
 * Takes someone out of a workspace — another member (`removed`) or the caller (`left`). Their
 * generations stay in the workspace. A removal is recorded, so invite links made before it do not
 * readmit the person.
 */
export async function removeMember(args: {
  workspace: { id: string };
  actor: SessionUser & { role: Role };
  userId: string;
}): Promise<void> {
  const self = args.userId === args.actor.id;
  const removed = await db.$transaction(async (tx) => {
    await lockWorkspace(tx, args.workspace.id);
    const where = { userId_workspaceId: { userId: args.userId, workspaceId: args.workspace.id } };
    const member = await tx.membership.findUnique({
      where,
      select: { role: true, user: { select: { email: true } } },
    });
    if (!member) throw new AppError("not_found", "That person is not a member of this workspace");
    const ownerCount = await tx.membership.count({
      where: { workspaceId: args.workspace.id, role: "owner" },
    });
    const refusal = removalRefusal({
      actorRole: args.actor.role,
      targetRole: member.role,
      ownerCount,
      self,
    });
    if (refusal) throw refusalError(refusal);
    await tx.membership.delete({ where });
    // Leaving is one's own choice, and a link one still has may bring one back; a removal is an
    // admin's, and outlasts every link made before it (see removedAfterInvite).
    if (!self) {
      const removedAt = new Date();
      await tx.memberRemoval.upsert({
        where,
        create: { userId: args.userId, workspaceId: args.workspace.id, removedAt },
        update: { removedAt },
      });
    }
    await revokeInvitesOf(tx, {
      workspaceId: args.workspace.id,
      userId: args.userId,
      newRole: null,
    });
    return member;
  });
  // Their open event streams on the workspace end, on every instance.
  publishMemberRemoved({ workspaceId: args.workspace.id, userId: args.userId });
  await recordAudit({
    workspaceId: args.workspace.id,
    actor: args.actor,
    action: self ? "member.left" : "member.removed",
    target: { type: "user", id: args.userId },
    details: { email: removed.user.email, role: removed.role },
  });
}
