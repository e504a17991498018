import { randomBytes } from "node:crypto";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { request } from "node:http";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { mediaLinks } from "@/lib/media/media-links";
import { type AppInstance, startAppInstance } from "@/tests/support/app-instance";

// The production server's media door (lib/media/media-door.ts): signed /media/ links answered
// before Next.js, over real HTTP.
const dir = mkdtempSync(join(tmpdir(), "studio-media-door-"));
const AUTH_SECRET = "media-door-auth-secret-0123456789ab";
const links = mediaLinks(AUTH_SECRET);
const MiB = 1024 * 1024;
const KEY = "ckwsdoor01/ckgendoor01/video.mp4";
const bytes = randomBytes(6 * MiB);
let app: AppInstance;

function put(key: string, data: Buffer) {
  const path = join(dir, "media", key);
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, data);
  return path;
}

beforeAll(async () => {
  put(KEY, bytes);
  app = await startAppInstance({
    DATABASE_URL: `file:${join(dir, "studio.db")}`,
    MEDIA_DIR: join(dir, "media"),
    SIMULATOR_URL: "http://127.0.0.1:9",
    AUTH_SECRET,
  });
}, 120_000);

afterAll(async () => {
  await app?.stop();
  rmSync(dir, { recursive: true, force: true });
});

const get = (path: string, init: RequestInit = {}) => fetch(`${app.url}${path}`, init);

describe("the production server's media door", () => {
  it("answers a signed link's ranges with the file's bytes and the media routes' headers", async () => {
    const link = links.sign(KEY);
    const res = await get(link, { headers: { range: `bytes=${MiB}-${2 * MiB - 1}` } });
    expect(res.status).toBe(206);
    expect(res.headers.get("content-range")).toBe(`bytes ${MiB}-${2 * MiB - 1}/${bytes.length}`);
    expect(res.headers.get("content-type")).toBe("video/mp4");
    expect(res.headers.get("accept-ranges")).toBe("bytes");
    expect(res.headers.get("x-content-type-options")).toBe("nosniff");
    expect(res.headers.get("referrer-policy")).toBe("strict-origin-when-cross-origin");
    expect(res.headers.get("content-security-policy")).toContain("frame-ancestors 'none'");
    expect(res.headers.get("cross-origin-resource-policy")).toBe("same-origin");
    // Answered at the door, not by Next.js (which adds a Vary to every answer, and would stream
    // the range without its length).
    expect(res.headers.get("vary")).toBeNull();
    expect(res.headers.get("content-length")).toBe(String(MiB));
    expect(res.headers.get("cache-control")).toMatch(/^private, max-age=\d+, immutable$/);
    expect(Buffer.from(await res.arrayBuffer()).equals(bytes.subarray(MiB, 2 * MiB))).toBe(true);

    // A range too long to buffer streams; the whole file with no range; HEAD; past the end.
    const tail = await get(link, { headers: { range: `bytes=${MiB}-` } });
    expect(tail.status).toBe(206);
    expect(Buffer.from(await tail.arrayBuffer()).equals(bytes.subarray(MiB))).toBe(true);
    const whole = await get(link);
    expect(whole.status).toBe(200);
    expect(whole.headers.get("content-length")).toBe(String(bytes.length));
    expect(Buffer.from(await whole.arrayBuffer()).equals(bytes)).toBe(true);
    const head = await get(link, { method: "HEAD" });
    expect(head.status).toBe(200);
    expect(head.headers.get("content-length")).toBe(String(bytes.length));
    const beyond = await get(link, { headers: { range: `bytes=${bytes.length}-` } });
    expect(beyond.status).toBe(416);
    expect(beyond.headers.get("content-range")).toBe(`bytes */${bytes.length}`);
  });

  it("refuses forged, expired and malformed links with clear 4xx answers, never a 500", async () => {
    const link = links.sign(KEY);
    const query = link.slice(link.indexOf("?"));
    const cases: [string, RequestInit, number, string][] = [
      [links.sign(KEY, Date.now() - 3 * 24 * 3600_000), {}, 403, "link_expired"],
      [mediaLinks("another-secret-0123456789abcdef").sign(KEY), {}, 403, "forbidden"],
      [`/media/ckwsdoor01/ckgendoor02/video.mp4${query}`, {}, 403, "forbidden"],
      [`/media/${KEY}`, {}, 404, "not_found"],
      [`/media/${KEY}?e=${"9".repeat(40)}&s=x`, {}, 404, "not_found"],
      [`/media/..%2f..%2fstudio.db${query}`, {}, 404, "not_found"],
      [`/media/%E0%A4%A${query}`, {}, 404, "not_found"],
      [link, { method: "POST", body: "x" }, 405, "method_not_allowed"],
      [link, { method: "DELETE" }, 405, "method_not_allowed"],
      [links.sign("ckwsdoor01/ckgendoor01/missing.mp4"), {}, 404, "not_found"],
    ];
    for (const [path, init, status, error] of cases) {
      const res = await get(path, init);
      expect(res.status, path).toBe(status);
      expect(res.headers.get("x-content-type-options"), path).toBe("nosniff");
      expect(res.headers.get("cache-control"), path).toBe("no-store");
      expect(res.headers.get("content-security-policy"), path).toMatch(/^default-src 'none'/);
      expect(res.headers.get("cross-origin-resource-policy"), path).toBe("same-origin");
      expect(await res.json(), path).toMatchObject({ error });
    }
    const forgedHead = await get(cases[1]?.[0] ?? "", { method: "HEAD" });
    expect(forgedHead.status).toBe(403);
    expect(await forgedHead.text()).toBe("");
    expect((await get(link, { method: "POST" })).headers.get("allow")).toBe("GET, HEAD");
  });

  it("lives through a viewer who leaves mid-answer", async () => {
    const key = "ckwsdoor01/ckgendoor03/video.mp4";
    put(key, bytes);
    const link = links.sign(key);
    // Half a streamed answer, then the connection is dropped.
    await new Promise<void>((resolve, reject) => {
      const req = request(`${app.url}${link}`, { headers: { range: "bytes=0-" } }, (res) => {
        res.once("data", () => {
          req.destroy();
          resolve();
        });
      });
      req.on("error", (e: NodeJS.ErrnoException) =>
        e.code === "ECONNRESET" ? resolve() : reject(e),
      );
      req.end();
    });
    // The server answers on, and the next viewer gets the same file whole.
    expect((await get("/api/health")).status).toBe(200);
    const again = await get(link, { headers: { range: "bytes=0-99" } });
    expect(again.status).toBe(206);
    expect(Buffer.from(await again.arrayBuffer()).equals(bytes.subarray(0, 100))).toBe(true);
    expect(app.output()).not.toMatch(/media door failed/);
  });

  it("leaves every other path to Next.js", async () => {
    expect((await get("/api/health")).status).toBe(200);
    const page = await get("/sign-in");
    expect(page.status).toBe(200);
    expect(page.headers.get("content-security-policy")).toMatch(/'nonce-/);
    // /mediafoo is not the door's; the app answers it with its not-found page, not the door's JSON.
    const notDoor = await get("/mediafoo");
    expect(notDoor.status).toBe(404);
    expect(notDoor.headers.get("content-type")).toMatch(/^text\/html/);
  });
});
