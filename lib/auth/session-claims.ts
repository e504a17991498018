import "server-only";
import { LRUCache } from "lru-cache";
import { cookies } from "next/headers";
import { decode } from "next-auth/jwt";
import { env } from "@/lib/env";

/** Who a session cookie says the caller is; currentUser() checks it against the database. */
export interface SessionClaims {
  userId: string;
  sessionVersion: number;
}

const MAX_CACHED_MS = 5 * 60_000;

// Decrypting a session token (a key derivation, then AES-GCM) is the dearest step of requests
// that otherwise do little, such as each range request of a playing video. A token's claims never
// change, so they are kept by the token's exact text for a few minutes, never past its expiry.
const decoded = new LRUCache<string, SessionClaims>({ max: 10_000, ttl: MAX_CACHED_MS });

/** next-auth's rule: the __Secure- cookie when the site is served over https. */
function sessionCookieName(): string {
  const secure = (process.env.NEXTAUTH_URL ?? env().APP_URL).startsWith("https://");
  return `${secure ? "__Secure-" : ""}next-auth.session-token`;
}

/** The token, whole or (when too big for one cookie) from next-auth's name.0, name.1, … chunks. */
export function readSessionToken(
  all: { name: string; value: string }[],
  name = sessionCookieName(),
): string | null {
  const whole = all.find((c) => c.name === name);
  if (whole) return whole.value;
  const chunks = all
    .map((c) => ({
      c,
      n: c.name.startsWith(`${name}.`) ? Number(c.name.slice(name.length + 1)) : NaN,
    }))
    .filter(({ n }) => Number.isInteger(n) && n >= 0)
    .sort((a, b) => a.n - b.n);
  return chunks.length ? chunks.map(({ c }) => c.value).join("") : null;
}

/** The signed-in caller's claims from the session cookie, or null (none, forged or expired). */
export async function sessionClaims(): Promise<SessionClaims | null> {
  const token = readSessionToken((await cookies()).getAll());
  if (!token) return null;
  const hit = decoded.get(token);
  if (hit) return hit;
  // decode() refuses a token that is forged, or expired (with next-auth's 15 s tolerance).
  const jwt = await decode({ token, secret: env().AUTH_SECRET }).catch(() => null);
  if (!jwt?.sub) return null;
  const claims = { userId: jwt.sub, sessionVersion: typeof jwt.sv === "number" ? jwt.sv : 0 };
  const ttl =
    typeof jwt.exp === "number"
      ? Math.min(MAX_CACHED_MS, jwt.exp * 1000 - Date.now())
      : MAX_CACHED_MS;
  if (ttl > 0) decoded.set(token, claims, { ttl });
  return claims;
}
