import "server-only";
import { recordAudit } from "@/lib/audit/record-audit";
import type { SessionUser } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { inviteStatus } from "@/lib/invites/invite-status";
import { removedAfterInvite } from "@/lib/invites/removed-after-invite";
import { hashInviteToken } from "@/lib/invites/token";
import { can } from "@/lib/workspaces/permissions";
import { hasRole, isRole } from "@/lib/workspaces/roles";

/**
 * Joins the invite's workspace. Someone already in it keeps a higher role (and does not use up a
 * single-use link); someone with a lower one is raised to the invite's.
 */
export async function acceptInvite(args: { token: string; user: SessionUser }): Promise<{
  slug: string;
}> {
  const outcome = await db.$transaction(async (tx) => {
    const invite = await tx.invite.findUnique({
      where: { tokenHash: hashInviteToken(args.token) },
      select: {
        id: true,
        workspaceId: true,
        role: true,
        revokedAt: true,
        expiresAt: true,
        singleUse: true,
        uses: true,
        createdById: true,
        createdAt: true,
        workspace: { select: { slug: true } },
      },
    });
    if (!invite) throw new AppError("not_found", "This invite link does not exist");
    const status = inviteStatus(invite);
    if (status !== "valid") throw new AppError("conflict", `This invite link is ${status}`);
    if (!isRole(invite.role)) throw new AppError("conflict", "This invite link is broken");
    // A link is only as good as its author's right to invite, now.
    const author = await tx.membership.findUnique({
      where: {
        userId_workspaceId: { userId: invite.createdById, workspaceId: invite.workspaceId },
      },
      select: { role: true },
    });
    if (!author || !can(author.role, "members.invite")) {
      throw new AppError("conflict", "This invite link is revoked");
    }

    const where = { userId_workspaceId: { userId: args.user.id, workspaceId: invite.workspaceId } };
    const existing = await tx.membership.findUnique({ where, select: { role: true } });
    if (existing && hasRole(existing.role, invite.role)) {
      return { slug: invite.workspace.slug, change: null };
    }
    if (
      !existing &&
      (await removedAfterInvite(tx, {
        userId: args.user.id,
        workspaceId: invite.workspaceId,
        inviteCreatedAt: invite.createdAt,
      }))
    ) {
      throw new AppError(
        "forbidden",
        "You were removed from this workspace after this link was made. Ask an admin to invite you again.",
      );
    }
    // Claim the use first: of two people opening a single-use link at once, one gets in.
    const claimed = await tx.invite.updateMany({
      where: { id: invite.id, ...(invite.singleUse ? { uses: 0 } : {}) },
      data: { uses: { increment: 1 } },
    });
    if (claimed.count === 0) throw new AppError("conflict", "This invite link is used");
    await tx.membership.upsert({
      where,
      create: { userId: args.user.id, workspaceId: invite.workspaceId, role: invite.role },
      update: { role: invite.role },
    });
    return {
      slug: invite.workspace.slug,
      change: {
        workspaceId: invite.workspaceId,
        inviteId: invite.id,
        role: invite.role,
        from: existing?.role ?? null,
      },
    };
  });
  const change = outcome.change;
  if (change) {
    await recordAudit({
      workspaceId: change.workspaceId,
      actor: args.user,
      action: change.from ? "member.role-changed" : "member.added",
      target: { type: "user", id: args.user.id },
      details: {
        email: args.user.email,
        role: change.role,
        via: "invite",
        inviteId: change.inviteId,
        ...(change.from ? { from: change.from } : {}),
      },
    });
  }
  return { slug: outcome.slug };
}
