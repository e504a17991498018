import "server-only";
import { recordAudit } from "@/lib/audit/record-audit";
import type { SessionUser } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { newInviteToken } from "@/lib/invites/token";
import type { Role } from "@/lib/workspaces/roles";

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * A new invite link. The raw token is returned once, to the admin who made it; the database
 * keeps only its hash, so a leaked database cannot be used to join.
 */
export async function createInvite(args: {
  workspace: { id: string };
  actor: SessionUser;
  role: Exclude<Role, "owner">;
  expiresInDays: number;
  singleUse: boolean;
}): Promise<{ id: string; path: string; expiresAt: string }> {
  const { token, tokenHash } = newInviteToken();
  const invite = await db.invite.create({
    data: {
      workspaceId: args.workspace.id,
      tokenHash,
      role: args.role,
      expiresAt: new Date(Date.now() + args.expiresInDays * DAY_MS),
      singleUse: args.singleUse,
      createdById: args.actor.id,
    },
    select: { id: true, expiresAt: true },
  });
  await recordAudit({
    workspaceId: args.workspace.id,
    actor: args.actor,
    action: "invite.created",
    target: { type: "invite", id: invite.id },
    details: { role: args.role, expiresInDays: args.expiresInDays, singleUse: args.singleUse },
  });
  return { id: invite.id, path: `/invite/${token}`, expiresAt: invite.expiresAt.toISOString() };
}
