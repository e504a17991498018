import "server-only";
import { createHmac, timingSafeEqual } from "node:crypto";
import { env } from "@/lib/env";

export const SHARE_ACCESS_COOKIE = "share_access";
// A day: long enough to watch and come back, short enough that a leaked cookie goes stale.
export const SHARE_ACCESS_MAX_AGE_S = 24 * 60 * 60;

/**
 * The cookie proving a password was given for a link. Bound to the link and to its password
 * hash, signed with AUTH_SECRET: it cannot be forged, moved to another link, or outlive a
 * password change.
 */
export function shareAccessValue(link: { id: string; passwordHash: string | null }): string {
  return createHmac("sha256", env().AUTH_SECRET)
    .update(`share-access:v1:${link.id}:${link.passwordHash ?? ""}`)
    .digest("base64url");
}

export function hasShareAccess(
  link: { id: string; passwordHash: string | null },
  cookieValue: string | undefined,
): boolean {
  if (!link.passwordHash) return true;
  if (!cookieValue) return false;
  const expected = Buffer.from(shareAccessValue(link));
  const given = Buffer.from(cookieValue);
  return given.length === expected.length && timingSafeEqual(given, expected);
}

/** The paths the cookie is scoped to: the page and its media routes, nothing else. */
export function shareAccessPaths(token: string): string[] {
  return [`/s/${token}`, `/api/s/${token}`];
}
