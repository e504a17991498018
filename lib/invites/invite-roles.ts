/** Roles an invite may grant: ownership is handed over, never given by link. */
export const INVITE_ROLES = ["admin", "member", "viewer"] as const;
export type InviteRole = (typeof INVITE_ROLES)[number];

/** A stored invite's role as one of those (anything else reads as the least, viewer). */
export function inviteRole(role: string): InviteRole {
  return (INVITE_ROLES as readonly string[]).includes(role) ? (role as InviteRole) : "viewer";
}
