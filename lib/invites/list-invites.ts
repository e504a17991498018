import "server-only";
import { db } from "@/lib/db";

export interface InviteDto {
  id: string;
  role: string;
  expiresAt: string;
  singleUse: boolean;
  uses: number;
  createdAt: string;
  createdBy: string | null;
}

/** The invites that can still be used, newest first. Their links cannot be shown again. */
export async function listInvites(workspaceId: string): Promise<InviteDto[]> {
  const rows = await db.invite.findMany({
    where: {
      workspaceId,
      revokedAt: null,
      expiresAt: { gt: new Date() },
      OR: [{ singleUse: false }, { uses: 0 }],
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
  return rows.map((r) => ({
    id: r.id,
    role: r.role,
    expiresAt: r.expiresAt.toISOString(),
    singleUse: r.singleUse,
    uses: r.uses,
    createdAt: r.createdAt.toISOString(),
    createdBy: emailOf.get(r.createdById) ?? null,
  }));
}
