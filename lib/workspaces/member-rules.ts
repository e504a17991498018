import { can } from "@/lib/workspaces/permissions";

/** Why a change to someone's membership is refused, or null when it is allowed. */
export type MembershipRefusal = "forbidden" | "last_owner";

/**
 * Changing a role: admins manage members, but only an owner may make or unmake an owner (the
 * same right as handing the workspace over), and the last owner stays an owner.
 */
export function roleChangeRefusal(args: {
  actorRole: string;
  targetRole: string;
  newRole: string;
  ownerCount: number;
}): MembershipRefusal | null {
  if (!can(args.actorRole, "members.manage")) return "forbidden";
  const touchesOwner = args.targetRole === "owner" || args.newRole === "owner";
  if (touchesOwner && !can(args.actorRole, "workspace.transfer")) return "forbidden";
  if (args.targetRole === "owner" && args.newRole !== "owner" && args.ownerCount <= 1) {
    return "last_owner";
  }
  return null;
}

/**
 * Removing someone, or leaving (`self`): anyone may leave, admins remove others, only owners
 * remove owners — and never the last one.
 */
export function removalRefusal(args: {
  actorRole: string;
  targetRole: string;
  ownerCount: number;
  self: boolean;
}): MembershipRefusal | null {
  if (!args.self) {
    if (!can(args.actorRole, "members.manage")) return "forbidden";
    if (args.targetRole === "owner" && !can(args.actorRole, "workspace.transfer")) {
      return "forbidden";
    }
  }
  if (args.targetRole === "owner" && args.ownerCount <= 1) return "last_owner";
  return null;
}
