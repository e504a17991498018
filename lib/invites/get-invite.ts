import "server-only";
import { db } from "@/lib/db";
import { type InviteStatus, inviteStatus } from "@/lib/invites/invite-status";
import { hashInviteToken } from "@/lib/invites/token";

export type InviteLookup =
  | {
      status: "valid";
      role: string;
      workspace: { name: string; slug: string };
      /** The signed-in visitor's own role in that workspace, if they are in it already. */
      visitorRole: string | null;
    }
  | { status: Exclude<InviteStatus, "valid"> | "not_found" };

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
      workspaceId: true,
      workspace: { select: { name: true, slug: true } },
    },
  });
  if (!invite) return { status: "not_found" };
  const status = inviteStatus(invite);
  // Only a usable invite names its workspace; a dead link says only why it is dead.
  if (status !== "valid") return { status };
  const membership = visitorId
    ? await db.membership.findUnique({
        where: { userId_workspaceId: { userId: visitorId, workspaceId: invite.workspaceId } },
        select: { role: true },
      })
    : null;
  return {
    status,
    role: invite.role,
    workspace: invite.workspace,
    visitorRole: membership?.role ?? null,
  };
}
