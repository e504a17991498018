import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";
import { can } from "@/lib/workspaces/permissions";

/**
 * Revokes the open invite links a person created in a workspace when they lose the right to
 * invite (removed, left, or demoted): a link must not outlive its author's authority, or a
 * demoted admin could walk back in through their own link. Revoked stays revoked: an author who
 * regains the right makes new links, so no one's old link comes back to life unseen. (Accepting
 * an invite checks its author's right again, for a role changed outside these paths.)
 */
export async function revokeInvitesOf(
  tx: Prisma.TransactionClient,
  args: { workspaceId: string; userId: string; newRole: string | null },
): Promise<void> {
  if (args.newRole !== null && can(args.newRole, "members.invite")) return;
  await tx.invite.updateMany({
    where: { workspaceId: args.workspaceId, createdById: args.userId, revokedAt: null },
    data: { revokedAt: new Date() },
  });
}
