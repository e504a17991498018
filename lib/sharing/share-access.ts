import "server-only";
import { createHmac, timingSafeEqual } from "node:crypto";
import { env } from "@/lib/env";

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

/**
 * The cookie's name: one per link, so unlocking one link leaves another's unlocked too. It is
 * set for the whole site because the page (/s/…) and its media (/api/s/…) share no narrower
 * path, and a response can carry only one cookie of a name.
 */
export function shareAccessCookie(link: { id: string }): string {
  return `share_access_${link.id}`;
}
