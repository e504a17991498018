import { describe, expect, it } from "vitest";
import { mediaLinks } from "@/lib/media/media-links";

const links = mediaLinks("unit-auth-secret-0123456789abcdef");
const KEY = "ckws0001/ckgen0001/video.mp4";
const HOUR = 60 * 60 * 1000;
const NOW = Date.UTC(2026, 10, 25, 9, 30);

function parts(link: string) {
  const [pathname = "", search = ""] = link.split("?");
  return { pathname, search };
}
const verify = (link: string, nowMs = NOW) => {
  const { pathname, search } = parts(link);
  return links.verify(pathname, search, nowMs);
};

describe("signed media links", () => {
  it("verifies the link it signed, for the key it names", () => {
    const link = links.sign(KEY, NOW);
    expect(link).toMatch(/^\/media\/ckws0001\/ckgen0001\/video\.mp4\?e=\d+&s=[\w-]{43}$/);
    expect(verify(link)).toMatchObject({ ok: true, key: KEY });
  });

  it("keeps one link per 12-hour window, good for 12 to 24 hours", () => {
    const windowStart = Date.UTC(2026, 10, 25, 0, 0);
    const first = links.sign(KEY, windowStart);
    expect(links.sign(KEY, windowStart + 11 * HOUR)).toBe(first);
    expect(links.sign(KEY, windowStart + 12 * HOUR)).not.toBe(first);
    const check = verify(first, windowStart);
    expect(check.ok && check.expiresAt).toBe(windowStart + 24 * HOUR);
    // Signed at the window's last moment, it is still good for 12 hours.
    const late = windowStart + 12 * HOUR - 1;
    const lateCheck = verify(links.sign(KEY, late), late);
    expect(lateCheck.ok && lateCheck.expiresAt - late).toBeGreaterThanOrEqual(12 * HOUR - 1);
    expect(verify(first, windowStart + 24 * HOUR)).toEqual({ ok: false, reason: "expired" });
  });

  it("refuses a link whose key, expiry or signature was changed, or that another secret signed", () => {
    const link = links.sign(KEY, NOW);
    const { search } = parts(link);
    expect(links.verify("/media/ckws0001/ckgen0002/video.mp4", search, NOW)).toEqual({
      ok: false,
      reason: "forbidden",
    });
    const e = Number(new URLSearchParams(search).get("e"));
    expect(verify(link.replace(`e=${e}`, `e=${e + 3600}`))).toEqual({
      ok: false,
      reason: "forbidden",
    });
    const s = new URLSearchParams(search).get("s") ?? "";
    const flipped = `${s.slice(0, 10)}${s[10] === "A" ? "B" : "A"}${s.slice(11)}`;
    expect(verify(link.replace(s, flipped))).toEqual({ ok: false, reason: "forbidden" });
    const other = mediaLinks("another-auth-secret-0123456789abc").sign(KEY, NOW);
    expect(verify(other)).toEqual({ ok: false, reason: "forbidden" });
  });

  it("says a forged link is forbidden even when its expiry has passed", () => {
    const old = links.sign(KEY, NOW - 72 * HOUR);
    expect(verify(old)).toEqual({ ok: false, reason: "expired" });
    const s = new URLSearchParams(parts(old).search).get("s") ?? "";
    const forged = old.replace(s, `${s[0] === "A" ? "B" : "A"}${s.slice(1)}`);
    expect(verify(forged)).toEqual({ ok: false, reason: "forbidden" });
  });

  it("verifies one spelling of each link only", () => {
    const link = links.sign(KEY, NOW);
    const { pathname, search } = parts(link);
    const q = new URLSearchParams(search);
    const e = q.get("e") ?? "";
    const s = q.get("s") ?? "";
    // base64url's last character carries two spare bits: other letters decode to the same bytes.
    const last = s.at(-1) ?? "";
    const alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
    const index = alphabet.indexOf(last);
    const twin = alphabet[(index & ~3) | ((index + 1) & 3)] ?? "";
    expect(Buffer.from(`${s.slice(0, -1)}${twin}`, "base64url")).toEqual(
      Buffer.from(s, "base64url"),
    );
    for (const query of [`e=${e}&s=${s.slice(0, -1)}${twin}`, `e=0${e}&s=${s}`]) {
      expect(links.verify(pathname, query, NOW)).toEqual({ ok: false, reason: "forbidden" });
    }
    for (const query of [
      `e=${e}&e=${e}&s=${s}`,
      `e=${e}&s=${s}&s=${s}`,
      `s=${s}&e=${e}`,
      `e=${e}&s=${s}&x=1`,
      `e=%3${e[0]}${e.slice(1)}&s=${s}`,
    ]) {
      expect(links.verify(pathname, query, NOW)).toEqual({ ok: false, reason: "malformed" });
    }
    // As the route handler hands it over, with its question mark.
    expect(links.verify(pathname, `?e=${e}&s=${s}`, NOW)).toMatchObject({ ok: true });
  });

  it("takes nothing but a stored key's shape, a number and a signature as the link", () => {
    const { search } = parts(links.sign(KEY, NOW));
    for (const pathname of [
      "/media/../../etc/passwd",
      "/media/ckws0001/../ckgen0001/video.mp4",
      "/media/ckws0001/%2e%2e/video.mp4",
      "/media/ckws0001/ckgen0001/sub/video.mp4",
      "/media/ckws0001/ckgen0001/video",
      "/media/",
      "/api/media/ckws0001/ckgen0001/video.mp4",
    ]) {
      expect(links.verify(pathname, search, NOW)).toEqual({ ok: false, reason: "malformed" });
    }
    const path = `/media/${KEY}`;
    for (const query of [
      "",
      "e=1",
      "s=abc",
      "e=-1&s=abc",
      `e=1e9&s=${"A".repeat(43)}`,
      "e=1&s=%00",
    ]) {
      expect(links.verify(path, query, NOW)).toEqual({ ok: false, reason: "malformed" });
    }
    expect(() => links.sign("../secrets/key.mp4", NOW)).toThrow();
  });
});
