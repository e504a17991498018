import "server-only";
import { db } from "@/lib/db";
import { type InviteStatus, inviteStatus } from "@/lib/invites/invite-status";
import { removedAfterInvite } from "@/lib/invites/removed-after-invite";
import { hashInviteToken } from "@/lib/invites/token";

export type InviteLookup =
  | {
      status: "valid";
      role: string;
      workspace: { name: string; slug: string };
      /** The signed-in visitor's own role in that workspace, if they are in it already. */
      visitorRole: string | null;
    }
  | {
      /** A dead link opened by someone already in its workspace: nothing for them to do. */
      status: "member";
      workspace: { name: string; slug: string };
      visitorRole: string;
    }
  /** "removed": the visitor was removed from the workspace after this link was made. */
  | { status: Exclude<InviteStatus, "valid"> | "not_found" | "removed" };

/** What an invite link leads to, for its landing page (seen by the signed-in visitor, if any). */
export async function getInvite(token: string, visitorId?: string): Promise<InviteLookup> {
  const invite = await db.invite.findUnique({
    where: { tokenHash: hashInviteToken(token) },
    select: {
      role: true,
      revokedAt: true,
      expiresAt: true,
      singleUse: true,
      uses: true,
      createdAt: true,
      workspaceId: true,
      workspace: { select: { name: true, slug: true } },
    },
  });
  if (!invite) return { status: "not_found" };
  const status = inviteStatus(invite);
  const membership = visitorId
    ? await db.membership.findUnique({
        where: { userId_workspaceId: { userId: visitorId, workspaceId: invite.workspaceId } },
        select: { role: true },
      })
    : null;
  if (status !== "valid") {
    // A dead link names its workspace only to someone already in it; to anyone else it says
    // only why it is dead.
    return membership
      ? { status: "member", workspace: invite.workspace, visitorRole: membership.role }
      : { status };
  }
  if (
    visitorId &&
    !membership &&
    (await removedAfterInvite(db, {
      userId: visitorId,
      workspaceId: invite.workspaceId,
      inviteCreatedAt: invite.createdAt,
    }))
  ) {
    return { status: "removed" };
  }
  return {
    status,
    role: invite.role,
    workspace: invite.workspace,
    visitorRole: membership?.role ?? null,
  };
}
