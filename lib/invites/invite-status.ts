export type InviteStatus = "valid" | "expired" | "revoked" | "used";

/** Whether an invite can still be used, and if not, why — revoked first, as the admin meant it. */
export function inviteStatus(
  invite: { revokedAt: Date | null; expiresAt: Date; singleUse: boolean; uses: number },
  now = new Date(),
): InviteStatus {
  if (invite.revokedAt) return "revoked";
  if (invite.singleUse && invite.uses > 0) return "used";
  if (invite.expiresAt.getTime() <= now.getTime()) return "expired";
  return "valid";
}
