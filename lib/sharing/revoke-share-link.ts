import "server-only";
import { recordAudit } from "@/lib/audit/record-audit";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { can } from "@/lib/workspaces/permissions";

/**
 * Kills a link at once: every later page view and media request checks revokedAt. Members
 * revoke their own links; admins and owners anyone's. Revoking twice is a no-op.
 */
export async function revokeShareLink(args: {
  workspaceId: string;
  actor: { id: string; email: string };
  role: string;
  shareLinkId: string;
}): Promise<{ id: string; revokedAt: string }> {
  const link = await db.shareLink.findFirst({
    where: { id: args.shareLinkId, workspaceId: args.workspaceId },
    select: { id: true, createdById: true, revokedAt: true },
  });
  if (!link) throw new AppError("not_found", "Share link not found");
  const own = link.createdById === args.actor.id;
  if (!(own ? can(args.role, "share.revoke-own") : can(args.role, "share.revoke-any"))) {
    throw new AppError("forbidden", "Only admins can revoke other people's links");
  }
  if (link.revokedAt) return { id: link.id, revokedAt: link.revokedAt.toISOString() };

  const revokedAt = new Date();
  // The condition keeps the first revocation's time when two happen at once.
  await db.shareLink.updateMany({
    where: { id: link.id, revokedAt: null },
    data: { revokedAt },
  });
  await recordAudit({
    workspaceId: args.workspaceId,
    actor: args.actor,
    action: "share.revoked",
    target: { type: "share_link", id: link.id },
    details: { own },
  });
  return { id: link.id, revokedAt: revokedAt.toISOString() };
}
