import "server-only";
import { recordAudit } from "@/lib/audit/record-audit";
import type { SessionUser } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";

/** Kills an invite link at once. Only this workspace's invites can be found. */
export async function revokeInvite(args: {
  workspace: { id: string };
  actor: SessionUser;
  inviteId: string;
}): Promise<void> {
  const { count } = await db.invite.updateMany({
    where: { id: args.inviteId, workspaceId: args.workspace.id, revokedAt: null },
    data: { revokedAt: new Date() },
  });
  if (count === 0) {
    const exists = await db.invite.count({
      where: { id: args.inviteId, workspaceId: args.workspace.id },
    });
    if (!exists) throw new AppError("not_found", "Invite not found");
    return;
  }
  await recordAudit({
    workspaceId: args.workspace.id,
    actor: args.actor,
    action: "invite.revoked",
    target: { type: "invite", id: args.inviteId },
  });
}
