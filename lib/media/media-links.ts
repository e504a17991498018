import { createHmac, hkdfSync, timingSafeEqual } from "node:crypto";

/**
 * Signed, expiring links to stored media: `/media/<key>?e=<expiry>&s=<signature>`. The studio
 * signs one only after it has checked that the viewer may see the video, so whoever holds the link
 * may fetch those bytes until it expires — the same bargain as nginx's secure_link or an S3
 * presigned URL. What this buys is that each of the many range requests a video element makes is
 * answered without a session lookup or a database query (see lib/media/media-door.ts).
 */
export const MEDIA_LINK_PREFIX = "/media/";

// Links are issued per 12-hour window and stay good for 12 more hours after it ends: the same video
// keeps the same link for hours (so the browser's cache serves it again), and a page left open
// still plays for at least 12 hours. A player whose link has expired moves on to a fresher one,
// or to the member route (see components/hooks/use-play-src.ts).
const WINDOW_S = 12 * 60 * 60;
const GRACE_S = 12 * 60 * 60;

/**
 * The window a link issued at `nowMs` belongs to: signed as of its start, good until 12 hours
 * after its end. Every link to one file in one window is the same URL, so a browser's cache
 * serves it again; S3 presigned links (lib/media/play-link.ts) use the same windows.
 */
export function linkWindow(nowMs: number): { signedAtS: number; expiresAtS: number } {
  const now = Math.floor(nowMs / 1000);
  const signedAtS = now - (now % WINDOW_S);
  return { signedAtS, expiresAtS: signedAtS + WINDOW_S + GRACE_S };
}

// A stored object's key as the studio writes it: `<workspace>/<generation>/<file>.<ext>`.
const KEY_PATTERN = /^[A-Za-z0-9_-]+\/[A-Za-z0-9_-]+\/[A-Za-z0-9_-]+\.[a-z0-9]+$/;

/** Whether `key` has the shape of a stored object's key, the only keys links are signed for. */
export function isMediaKey(key: string): boolean {
  return KEY_PATTERN.test(key);
}

export type MediaLinkCheck =
  | { ok: true; key: string; expiresAt: number }
  | { ok: false; reason: "malformed" | "expired" | "forbidden" };

export interface MediaLinks {
  /** A link to `key`, valid for 12 to 24 hours from `nowMs`. */
  sign(key: string, nowMs?: number): string;
  /** Checks a request's path and query string (as they arrived) against its signature. */
  verify(pathname: string, search: string, nowMs?: number): MediaLinkCheck;
}

export function mediaLinks(authSecret: string): MediaLinks {
  // A key of its own, derived from the app's secret, so a media link can never stand in for a
  // session token or any other value the secret signs.
  const linkKey = Buffer.from(
    hkdfSync("sha256", authSecret, "hailuo-studio", "media-links v1", 32),
  );
  const signature = (key: string, expiry: number) =>
    createHmac("sha256", linkKey).update(`${key}\n${expiry}`).digest();

  return {
    sign(key, nowMs = Date.now()) {
      if (!KEY_PATTERN.test(key)) throw new Error("Not a stored media key");
      const expiry = linkWindow(nowMs).expiresAtS;
      const s = signature(key, expiry).toString("base64url");
      return `${MEDIA_LINK_PREFIX}${key}?e=${expiry}&s=${s}`;
    },

    verify(pathname, search, nowMs = Date.now()) {
      if (!pathname.startsWith(MEDIA_LINK_PREFIX)) return { ok: false, reason: "malformed" };
      const key = pathname.slice(MEDIA_LINK_PREFIX.length);
      // One spelling per link, as signed: `e=<digits>&s=<signature>` and nothing else, so each
      // link is one URL to the browser's cache (below: no leading zeros, and the signature exactly
      // as encoded — base64url's last character carries spare bits that decoding ignores).
      const query = /^\??e=(\d{1,12})&s=([A-Za-z0-9_-]{43})$/.exec(search);
      const e = query?.[1] ?? "";
      const s = query?.[2] ?? "";
      if (!query || !KEY_PATTERN.test(key)) return { ok: false, reason: "malformed" };
      const expiry = Number(e);
      const given = Buffer.from(s, "base64url");
      if (
        String(expiry) !== e ||
        given.length !== 32 ||
        given.toString("base64url") !== s ||
        !timingSafeEqual(given, signature(key, expiry))
      ) {
        return { ok: false, reason: "forbidden" };
      }
      // Checked after the signature, so an expired answer never confirms a forged link.
      if (expiry * 1000 <= nowMs) return { ok: false, reason: "expired" };
      return { ok: true, key, expiresAt: expiry * 1000 };
    },
  };
}
