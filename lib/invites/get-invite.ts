import "server-only";
import { db } from "@/lib/db";
import { type InviteStatus, inviteStatus } from "@/lib/invites/invite-status";
import { hashInviteToken } from "@/lib/invites/token";

export type InviteLookup =
  | { status: "valid"; role: string; workspace: { name: string; slug: string } }
  | { status: Exclude<InviteStatus, "valid"> | "not_found" };

/** What an invite link leads to, for its landing page. */
export async function getInvite(token: string): Promise<InviteLookup> {
  const invite = await db.invite.findUnique({
    where: { tokenHash: hashInviteToken(token) },
    select: {
      role: true,
      revokedAt: true,
      expiresAt: true,
      singleUse: true,
      uses: true,
      workspace: { select: { name: true, slug: true } },
    },
  });
  if (!invite) return { status: "not_found" };
  const status = inviteStatus(invite);
  // Only a usable invite names its workspace; a dead link says only why it is dead.
  return status === "valid"
    ? { status, role: invite.role, workspace: invite.workspace }
    : { status };
}
