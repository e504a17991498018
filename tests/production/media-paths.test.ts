import { randomBytes, randomUUID } from "node:crypto";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { MEDIA_BUFFER_BUDGET } from "@/lib/http/media-buffer-budget";
import { MEDIA_CONNECTIONS_PER_ADDRESS, MEDIA_STALL_MS } from "@/lib/http/media-connections";
import { mediaLinks } from "@/lib/media/media-links";
import { type AppInstance, freePort, startAppInstance } from "@/tests/support/app-instance";
import { signedUpPerson } from "@/tests/support/signed-up-person";
import {
  openStalledReader,
  readerConnections,
  rssMiB,
  type StalledReader,
} from "@/tests/support/stalled-reader";

// The three ways a video's bytes leave the production server — a signed link (the media door),
// a share link and the member route (both inside Next.js) — over real HTTP: validators, HEAD, and
// clients that open connections and stop reading.
const AUTH_SECRET = "media-paths-auth-secret-0123456789ab";
const dir = mkdtempSync(join(tmpdir(), "studio-media-paths-"));
const MiB = 1024 * 1024;
const bytes = randomBytes(24 * MiB);
// What stalled readers may add to the server's memory once every answer has begun: the
// whole-range buffers' budget and a small, fixed amount per connection (a 64 KiB chunk being
// sent, one read ahead, the socket's and streams' state). 700 of them add about 170 MiB; before
// the bound, 600 pinned 586 MiB only seconds in, while many answers had yet to begin.
const RSS_PER_READER_MIB = 0.25;
let app: AppInstance;
let paths: { signed: string; shared: string; member: string };
let cookie = "";

beforeAll(async () => {
  const port = await freePort();
  const env = {
    DATABASE_URL: `file:${join(dir, "studio.db")}`,
    APP_URL: `http://127.0.0.1:${port}`,
    MEDIA_DIR: join(dir, "media"),
    SIMULATOR_URL: "http://127.0.0.1:9",
    AUTH_SECRET,
    // One proxy in front, so each stalled reader below can come from an address of its own.
    TRUST_PROXY: "1",
  };
  Object.assign(process.env, env);
  app = await startAppInstance(env, port);
  const { db } = await import("@/lib/db");
  const { createShareLink } = await import("@/lib/sharing/create-share-link");
  const person = await signedUpPerson("media-paths", AUTH_SECRET);
  cookie = person.cookie;
  const generationId = `gen${randomUUID().replaceAll("-", "").slice(0, 20)}`;
  const key = `${person.workspace.id}/${generationId}/video.mp4`;
  const file = join(dir, "media", key);
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, bytes);
  await db.generation.create({
    data: {
      id: generationId,
      workspaceId: person.workspace.id,
      authorId: person.userId,
      prompt: "a stored video",
      promptOptimizer: false,
      model: "hailuo/02-text-to-video-pro",
      state: "success",
      idempotencyKey: randomUUID(),
      callbackTokenHash: randomUUID(),
      mediaState: "stored",
      mediaKey: key,
      bytes: bytes.length,
    },
  });
  const { url } = await createShareLink({
    workspaceId: person.workspace.id,
    actor: { id: person.userId, email: person.email },
    input: {
      targetType: "generation",
      generationId,
      expiry: "never",
      allowDownload: false,
      showPrompt: false,
    },
  });
  const token = url.split("/s/")[1] ?? "";
  paths = {
    signed: mediaLinks(AUTH_SECRET).sign(key),
    shared: `/api/s/${token}/media/${generationId}/video`,
    member: `/api/w/${person.slug}/generations/${generationId}/video`,
  };
}, 180_000);

afterAll(async () => {
  await app?.stop();
  rmSync(dir, { recursive: true, force: true });
});

const ALL = ["signed", "shared", "member"] as const;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const get = (which: (typeof ALL)[number], init: { method?: string; headers?: HeadersInit } = {}) =>
  fetch(`${app.url}${paths[which]}`, {
    ...init,
    headers: { cookie, ...Object.fromEntries(new Headers(init.headers)) },
  });

describe("every path a video is played from", () => {
  it.each(ALL)("%s: validators, If-Range, 304 and long suffix ranges", async (which) => {
    const first = await get(which, { headers: { range: "bytes=0-99" } });
    expect(first.status).toBe(206);
    const etag = first.headers.get("etag") ?? "";
    const lastModified = first.headers.get("last-modified") ?? "";
    expect(etag).toMatch(/^"[^"]+"$/);
    expect(Date.parse(lastModified)).not.toBeNaN();
    expect(Buffer.from(await first.arrayBuffer()).equals(bytes.subarray(0, 100))).toBe(true);

    const suffix = await get(which, { headers: { range: "bytes=-999999999" } });
    expect(suffix.status).toBe(206);
    expect(suffix.headers.get("content-range")).toBe(`bytes 0-${bytes.length - 1}/${bytes.length}`);
    expect((await suffix.arrayBuffer()).byteLength).toBe(bytes.length);

    const same = await get(which, { headers: { range: "bytes=100-199", "if-range": etag } });
    expect(same.status).toBe(206);
    expect(Buffer.from(await same.arrayBuffer()).equals(bytes.subarray(100, 200))).toBe(true);
    const other = await get(which, { headers: { range: "bytes=100-199", "if-range": '"old"' } });
    expect(other.status).toBe(200);
    expect(other.headers.get("content-length")).toBe(String(bytes.length));
    expect((await other.arrayBuffer()).byteLength).toBe(bytes.length);

    const current = await get(which, { headers: { "if-none-match": etag } });
    expect(current.status).toBe(304);
    expect(current.headers.get("etag")).toBe(etag);
    const since = await get(which, { headers: { "if-modified-since": lastModified } });
    expect(since.status).toBe(304);
  });

  it.each(ALL)("%s: HEAD carries the length of what GET would send", async (which) => {
    const head = await get(which, { method: "HEAD" });
    expect(head.status).toBe(200);
    expect(head.headers.get("content-length")).toBe(String(bytes.length));
    expect(head.headers.get("etag")).toMatch(/^"/);
    const ranged = await get(which, { method: "HEAD", headers: { range: "bytes=10-19" } });
    expect(ranged.status).toBe(206);
    expect(ranged.headers.get("content-length")).toBe("10");
  });
});

describe("clients that stop reading", () => {
  const readers: StalledReader[] = [];
  afterAll(() => {
    for (const r of readers) r.socket.destroy();
  });

  it("gives one address a bounded number of video connections, then 429", async () => {
    const from = "198.51.100.7";
    const held: StalledReader[] = [];
    for (let i = 0; i < MEDIA_CONNECTIONS_PER_ADDRESS; i++) {
      held.push(
        await openStalledReader({
          port: app.port,
          path: paths.signed,
          headers: { "x-forwarded-for": from, range: "bytes=0-" },
        }),
      );
    }
    readers.push(...held);
    await new Promise((r) => setTimeout(r, 300));
    for (const which of ALL) {
      const refused = await get(which, { headers: { "x-forwarded-for": from } });
      expect(refused.status, which).toBe(429);
      expect(refused.headers.get("retry-after")).toMatch(/^\d+$/);
      expect(await refused.json()).toMatchObject({ error: "too_many_connections" });
    }
    // Another address is served, and the first is again once its connections end.
    expect((await get("shared", { headers: { range: "bytes=0-9" } })).status).toBe(206);
    for (const r of held) r.socket.destroy();
    await new Promise((r) => setTimeout(r, 300));
    const again = await get("signed", { headers: { "x-forwarded-for": from, range: "bytes=0-9" } });
    expect(again.status).toBe(206);
  });

  it("keeps memory bounded under hundreds of stalled readers, and drops them", {
    timeout: MEDIA_STALL_MS + 300_000,
  }, async () => {
    const before = await rssMiB(app.process.pid ?? 0);
    const PER_PATH = 300;
    const open = (i: number, path: string, range: string) =>
      openStalledReader({
        port: app.port,
        path,
        // A crowd: every reader from an address of its own.
        headers: { "x-forwarded-for": `10.${(i >> 8) & 255}.${i & 255}.1`, range },
      });
    // When each answer began to reach its reader, and when the server let the connection go, as
    // the kernel shows them: the readers themselves read nothing until the end.
    const all: StalledReader[] = [];
    const startedAt = new Map<StalledReader, number>();
    const droppedAt = new Map<StalledReader, number>();
    let tracking = true;
    const tracker = (async () => {
      while (tracking) {
        const seen = await readerConnections(app.port);
        const now = Date.now();
        for (const r of all) {
          if (!startedAt.has(r) && seen.started(r)) startedAt.set(r, now);
          if (startedAt.has(r) && !droppedAt.has(r) && !seen.held(r)) droppedAt.set(r, now);
        }
        await sleep(250);
      }
    })();
    const until = async (done: () => boolean, withinMs: number) => {
      const deadline = Date.now() + withinMs;
      while (!done() && Date.now() < deadline) await sleep(250);
    };
    try {
      // Open-ended ranges, as a video element asks: more than the kernel's buffers can hold.
      const streamed: { reader: StalledReader; length: number }[] = [];
      for (let i = 0; i < PER_PATH * 2; i++) {
        const start = (i % 4) * MiB;
        const path = i % 2 ? paths.signed : paths.shared;
        const reader = await open(i, path, `bytes=${start}-`);
        all.push(reader);
        streamed.push({ reader, length: bytes.length - start });
      }
      // And ranges of the size a player reads whole.
      for (let i = 0; i < 100; i++) {
        const start = (i % 4) * MiB;
        all.push(await open(1000 + i, paths.signed, `bytes=${start}-${start + 4 * MiB - 1}`));
      }
      readers.push(...all);

      // Memory once the server has begun every answer, which on a busy machine is seconds after
      // the last request arrived.
      await until(() => all.every((r) => startedAt.has(r)), 120_000);
      expect(all.filter((r) => !startedAt.has(r)).length, "answers not begun").toBe(0);
      const during = await rssMiB(app.process.pid ?? 0);
      console.log(
        `RSS ${Math.round(before)} → ${Math.round(during)} MiB with ${all.length} stalled readers`,
      );
      const allowed = MEDIA_BUFFER_BUDGET / MiB + all.length * RSS_PER_READER_MIB;
      expect(during - before).toBeLessThan(allowed);

      // Every streamed answer is dropped once its client has taken nothing for the bound, counted
      // from when the server began it. The readers wait for the server's close before reading:
      // reading sooner would be the client taking bytes again, and the answer would go on.
      await until(
        () => streamed.every(({ reader }) => droppedAt.has(reader)),
        MEDIA_STALL_MS + 120_000,
      );
      const kept = streamed.filter(({ reader }) => !droppedAt.has(reader));
      expect(kept.length, "stalled answers still held by the server").toBe(0);
      // And none sooner than the bound (less the tracker's lag in seeing an answer begin).
      const held = streamed.map(({ reader }) => {
        return (droppedAt.get(reader) ?? 0) - (startedAt.get(reader) ?? 0);
      });
      expect(Math.min(...held)).toBeGreaterThan(MEDIA_STALL_MS - 5_000);
      // What each reader then gets is the part of its answer sent before the drop.
      const counts = await Promise.all(streamed.map(({ reader }) => reader.drain(60_000)));
      const cut = counts.filter((n, i) => n !== null && n < (streamed[i]?.length ?? 0));
      expect(cut.length).toBe(streamed.length);
      // And the server answers on.
      expect((await get("signed", { headers: { range: "bytes=0-9" } })).status).toBe(206);
    } finally {
      tracking = false;
      await tracker;
    }
  });
});
