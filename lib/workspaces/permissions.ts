import { hasRole, type Role } from "@/lib/workspaces/roles";

/**
 * Who may do what in a workspace: the least role each action needs. Every server action and
 * route handler names one of these; nothing else decides access.
 */
export const PERMISSIONS = {
  "gallery.view": "viewer",
  "generation.view": "viewer",
  "media.view": "viewer",
  "members.view": "viewer",
  "credits.view": "viewer",
  "generation.create": "member",
  "generation.manage-own": "member",
  "generation.manage-any": "admin",
  "collection.manage": "member",
  "favorite.toggle": "member",
  "share.create": "member",
  "share.revoke-own": "member",
  "share.revoke-any": "admin",
  "members.invite": "admin",
  "members.manage": "admin",
  "settings.keys": "admin",
  "settings.budget": "admin",
  "audit.view": "admin",
  "workspace.rename": "admin",
  "workspace.delete": "owner",
  "workspace.transfer": "owner",
} as const satisfies Record<string, Role>;

export type Permission = keyof typeof PERMISSIONS;

export function can(role: string, permission: Permission): boolean {
  return hasRole(role, PERMISSIONS[permission]);
}
