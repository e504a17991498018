import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";

/**
 * Whether an admin removed this person from the workspace after the invite was made: such a
 * link does not readmit them (a removal lasts); only a link made after the removal does.
 */
export async function removedAfterInvite(
  tx: Prisma.TransactionClient,
  args: { userId: string; workspaceId: string; inviteCreatedAt: Date },
): Promise<boolean> {
  const removal = await tx.memberRemoval.findUnique({
    where: { userId_workspaceId: { userId: args.userId, workspaceId: args.workspaceId } },
    select: { removedAt: true },
  });
  return removal !== null && removal.removedAt.getTime() >= args.inviteCreatedAt.getTime();
}
