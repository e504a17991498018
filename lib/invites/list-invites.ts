import "server-only";
import { db } from "@/lib/db";

/**
 * "pending": nobody has used it yet; "used": someone joined through it (a multi-use link stays
 * open until it expires or is revoked); "expired": past its date.
 */
export type InviteStatus = "pending" | "used" | "expired";

// Ended invites stay listed this long after they expired, so an admin sees what happened.
const EXPIRED_SHOWN_MS = 30 * 24 * 60 * 60 * 1000;

export interface InviteDto {
  id: string;
  status: InviteStatus;
  /** Still lets people in: revocable. */
  open: boolean;
  role: string;
  expiresAt: string;
  singleUse: boolean;
  uses: number;
  createdAt: string;
  createdBy: string | null;
}

/**
 * A workspace's invites that were not revoked, newest first: the ones still open and those that
 * ended (used up, or expired within the last 30 days). Their links cannot be shown again.
 */
export async function listInvites(workspaceId: string): Promise<InviteDto[]> {
  const now = new Date();
  const rows = await db.invite.findMany({
    where: {
      workspaceId,
      revokedAt: null,
      expiresAt: { gt: new Date(now.getTime() - EXPIRED_SHOWN_MS) },
    },
    orderBy: { createdAt: "desc" },
    select: {
      id: true,
      role: true,
      expiresAt: true,
      singleUse: true,
      uses: true,
      createdAt: true,
      createdById: true,
    },
  });
  const creators = await db.user.findMany({
    where: { id: { in: [...new Set(rows.map((r) => r.createdById))] } },
    select: { id: true, email: true },
  });
  const emailOf = new Map(creators.map((u) => [u.id, u.email]));
  return rows.map((r) => {
    const expired = r.expiresAt <= now;
    const usedUp = r.singleUse && r.uses > 0;
    return {
      id: r.id,
      status: expired ? "expired" : r.uses > 0 ? "used" : "pending",
      open: !expired && !usedUp,
      role: r.role,
      expiresAt: r.expiresAt.toISOString(),
      singleUse: r.singleUse,
      uses: r.uses,
      createdAt: r.createdAt.toISOString(),
      createdBy: emailOf.get(r.createdById) ?? null,
    };
  });
}
