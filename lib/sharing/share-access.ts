import "server-only";
import { createHmac, timingSafeEqual } from "node:crypto";
import { env } from "@/lib/env";

// A day: long enough to watch and come back, short enough that a leaked cookie goes stale.
export const SHARE_ACCESS_MAX_AGE_S = 24 * 60 * 60;

// Another instance's clock may run a little ahead of this one's.
const CLOCK_SKEW_S = 60;

/**
 * The cookie proving a password was given for a link: the time it was issued and a signature
 * over it, the link and the link's password hash, with AUTH_SECRET. It cannot be forged, moved
 * to another link, outlive a password change, or be used past its day: the server reads its age
 * from the signed time, whatever a browser does with the cookie's Max-Age.
 */
export function shareAccessValue(
  link: { id: string; passwordHash: string | null },
  issuedAtMs = Date.now(),
): string {
  const issuedAt = Math.floor(issuedAtMs / 1000);
  return `${issuedAt}.${signature(link, issuedAt)}`;
}

function signature(link: { id: string; passwordHash: string | null }, issuedAt: number): string {
  return createHmac("sha256", env().AUTH_SECRET)
    .update(`share-access:v2:${link.id}:${link.passwordHash ?? ""}:${issuedAt}`)
    .digest("base64url");
}

export function hasShareAccess(
  link: { id: string; passwordHash: string | null },
  cookieValue: string | undefined,
  nowMs = Date.now(),
): boolean {
  if (!link.passwordHash) return true;
  const match = /^(\d{1,12})\.([\w-]{1,100})$/.exec(cookieValue ?? "");
  if (!match) return false;
  const issuedAt = Number(match[1]);
  const age = Math.floor(nowMs / 1000) - issuedAt;
  if (age >= SHARE_ACCESS_MAX_AGE_S || age < -CLOCK_SKEW_S) return false;
  const expected = Buffer.from(signature(link, issuedAt));
  const given = Buffer.from(match[2] ?? "");
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
