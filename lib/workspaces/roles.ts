export const ROLES = ["owner", "admin", "member", "viewer"] as const;
export type Role = (typeof ROLES)[number];

// Higher rank may do everything a lower rank may.
const RANK: Record<Role, number> = { viewer: 0, member: 1, admin: 2, owner: 3 };

export function isRole(value: string): value is Role {
  return (ROLES as readonly string[]).includes(value);
}

export function hasRole(actual: string, atLeast: Role): boolean {
  return isRole(actual) && RANK[actual] >= RANK[atLeast];
}
