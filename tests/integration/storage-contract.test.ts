import { type ChildProcess, spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import type { Readable } from "node:stream";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { serveMedia } from "@/lib/http/serve-media";
import { stopWorker } from "@/lib/jobs/worker";
import { LocalDiskStorage } from "@/lib/storage/local-disk-storage";
import type { MediaStorage } from "@/lib/storage/media-storage";
import { S3Storage } from "@/lib/storage/s3-storage";
import { type S3Server, startS3Server } from "@/tests/support/s3-server";
import { generate, generationRow, newWorkspace, waitFor } from "@/tests/support/studio";

// One contract, two implementations: whatever the studio does with local disk must hold on S3.
const work = mkdtempSync(join(tmpdir(), "storage-contract-"));
afterAll(() => rmSync(work, { recursive: true, force: true }));

let fileCount = 0;
function tempFile(data: Buffer): string {
  const path = join(work, `upload-${++fileCount}.bin`);
  writeFileSync(path, data);
  return path;
}

async function readAll(stream: Readable): Promise<{ data: Buffer; largestChunk: number }> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream as AsyncIterable<Buffer>) chunks.push(chunk);
  return { data: Buffer.concat(chunks), largestChunk: Math.max(0, ...chunks.map((c) => c.length)) };
}

async function fetchMedia(storage: MediaStorage, key: string, range?: string) {
  const req = new Request("http://studio.test/media", range ? { headers: { range } } : {});
  const res = await serveMedia({ req, storage, key });
  return { res, body: Buffer.from(await res.arrayBuffer()) };
}

function storageContract(name: string, open: () => Promise<MediaStorage>) {
  describe(`${name} media storage`, () => {
    let storage: MediaStorage;
    const video = randomBytes(300_000);
    const key = "ws-1/gen-1/video.mp4";

    beforeAll(async () => {
      storage = await open();
      await storage.putFile(key, tempFile(video), "video/mp4");
    });

    test("putFile moves a file in; stat and read give it back whole", async () => {
      const source = tempFile(video);
      await storage.putFile("ws-1/gen-2/video.mp4", source, "video/mp4");
      expect(existsSync(source)).toBe(false);
      const stored = await storage.stat("ws-1/gen-2/video.mp4");
      expect(stored).toMatchObject({ size: video.length, contentType: "video/mp4" });
      // A strong validator and a date, for If-Range and revalidation.
      expect(stored?.etag).toMatch(/^"[^"]+"$/);
      expect(Math.abs((stored?.lastModified.getTime() ?? 0) - Date.now())).toBeLessThan(60_000);
      await storage.putBuffer("ws-1/gen-2/video.mp4", Buffer.from("another file"), "video/mp4");
      expect((await storage.stat("ws-1/gen-2/video.mp4"))?.etag).not.toBe(stored?.etag);
      await storage.putFile("ws-1/gen-2/video.mp4", tempFile(video), "video/mp4");
      const { data } = await readAll(await storage.read("ws-1/gen-2/video.mp4"));
      expect(data.equals(video)).toBe(true);
    });

    test("reads exact byte ranges: first byte, middle, last byte, whole", async () => {
      const last = video.length - 1;
      for (const range of [
        { start: 0, end: 0 },
        { start: 1000, end: 65_535 + 1000 },
        { start: last, end: last },
        { start: 0, end: last },
      ]) {
        const { data } = await readAll(await storage.read(key, range));
        expect(data.equals(video.subarray(range.start, range.end + 1))).toBe(true);
        // A store that can also read a range into memory gives the same bytes that way.
        if (storage.readBytes) {
          const bytes = Buffer.from(await storage.readBytes(key, range));
          expect(bytes.equals(video.subarray(range.start, range.end + 1))).toBe(true);
        }
      }
      if (storage.readBytes) {
        // Past the end: only the bytes there are; a missing key fails.
        expect((await storage.readBytes(key, { start: last - 1, end: last + 10 })).length).toBe(2);
        await expect(
          storage.readBytes("ws-1/nothing/video.mp4", { start: 0, end: 9 }),
        ).rejects.toThrow();
      }
    });

    test("a missing key has no stat, and reading it fails", async () => {
      expect(await storage.stat("ws-1/nothing/video.mp4")).toBeNull();
      await expect(
        (async () => readAll(await storage.read("ws-1/nothing/video.mp4")))(),
      ).rejects.toThrow();
    });

    test("putBuffer keeps the content type; overwriting replaces the object", async () => {
      const poster = "ws-1/gen-3/poster.jpg";
      await storage.putBuffer(poster, Buffer.from("first version, longer"), "image/jpeg");
      await storage.putBuffer(poster, Buffer.from("second"), "image/jpeg");
      expect(await storage.stat(poster)).toMatchObject({ size: 6, contentType: "image/jpeg" });
      expect((await readAll(await storage.read(poster))).data.toString()).toBe("second");
    });

    test("delete removes the object and is harmless when repeated", async () => {
      const doomed = "ws-1/gen-4/video.mp4";
      await storage.putBuffer(doomed, Buffer.from("bye"), "video/mp4");
      await storage.delete(doomed);
      expect(await storage.stat(doomed)).toBeNull();
      await storage.delete(doomed);
    });

    test("nested keys are independent objects", async () => {
      await storage.putBuffer("a/b/c/d/video.mp4", Buffer.from("deep"), "video/mp4");
      await storage.putBuffer("a/b/video.mp4", Buffer.from("shallow"), "video/mp4");
      expect((await readAll(await storage.read("a/b/c/d/video.mp4"))).data.toString()).toBe("deep");
      expect((await readAll(await storage.read("a/b/video.mp4"))).data.toString()).toBe("shallow");
      await storage.delete("a/b/video.mp4");
      expect(await storage.stat("a/b/c/d/video.mp4")).toMatchObject({ size: 4 });
    });

    test("a 5 MB video streams in and out intact, in chunks", async () => {
      const big = randomBytes(5 * 1024 * 1024);
      await storage.putFile("ws-2/gen-big/video.mp4", tempFile(big), "video/mp4");
      expect(await storage.stat("ws-2/gen-big/video.mp4")).toMatchObject({ size: big.length });
      const whole = await readAll(await storage.read("ws-2/gen-big/video.mp4"));
      expect(whole.data.equals(big)).toBe(true);
      // Streamed, not read into one buffer first.
      expect(whole.largestChunk).toBeLessThan(big.length);
      const tail = { start: big.length - 100_000, end: big.length - 1 };
      const { data } = await readAll(await storage.read("ws-2/gen-big/video.mp4", tail));
      expect(data.equals(big.subarray(tail.start))).toBe(true);
    });

    test("serveMedia answers a Range request with 206 and the exact bytes", async () => {
      for (const [header, start, end] of [
        ["bytes=0-0", 0, 0],
        ["bytes=500-1499", 500, 1499],
        ["bytes=-10", video.length - 10, video.length - 1],
        [`bytes=${video.length - 1}-`, video.length - 1, video.length - 1],
      ] as const) {
        const { res, body } = await fetchMedia(storage, key, header);
        expect(res.status).toBe(206);
        expect(res.headers.get("content-range")).toBe(`bytes ${start}-${end}/${video.length}`);
        expect(res.headers.get("content-length")).toBe(String(end - start + 1));
        expect(body.equals(video.subarray(start, end + 1))).toBe(true);
      }
    });

    test("serveMedia answers 416 for an unsatisfiable range, 200 without one", async () => {
      const unsatisfiable = await fetchMedia(storage, key, `bytes=${video.length}-`);
      expect(unsatisfiable.res.status).toBe(416);
      expect(unsatisfiable.res.headers.get("content-range")).toBe(`bytes */${video.length}`);
      const whole = await fetchMedia(storage, key);
      expect(whole.res.status).toBe(200);
      expect(whole.res.headers.get("content-type")).toBe("video/mp4");
      expect(whole.body.equals(video)).toBe(true);
      expect((await fetchMedia(storage, "ws-1/nothing/video.mp4")).res.status).toBe(404);
    });
  });
}

storageContract("local disk", async () => new LocalDiskStorage(join(work, "media")));

let s3: S3Server;
beforeAll(async () => {
  s3 = await startS3Server();
});
afterAll(async () => {
  await s3?.close();
});

storageContract("S3 (s3rver)", async () => new S3Storage({ ...s3.options, prefix: "studio/" }));

describe("S3 storage specifics", () => {
  test("keys live under the prefix, so two studios can share a bucket", async () => {
    const a = new S3Storage({ ...s3.options, prefix: "tenant-a" });
    const b = new S3Storage({ ...s3.options, prefix: "tenant-b" });
    const root = new S3Storage(s3.options);
    await a.putBuffer("ws/video.mp4", Buffer.from("a's"), "video/mp4");
    expect(await b.stat("ws/video.mp4")).toBeNull();
    expect(await root.stat("tenant-a/ws/video.mp4")).toMatchObject({
      size: 3,
      contentType: "video/mp4",
    });
  });

  test("keys that would leave the prefix are refused", async () => {
    const a = new S3Storage({ ...s3.options, prefix: "tenant-a" });
    for (const bad of ["../tenant-b/ws/video.mp4", "/ws/video.mp4", "ws//video.mp4", ""]) {
      await expect(a.stat(bad)).rejects.toThrow("Invalid storage key");
    }
  });

  test("errors other than not-found propagate instead of reading as missing", async () => {
    // s3rver checks the access key id but not SigV4 signatures, so the id is the wrong part.
    const wrongKeys = new S3Storage({
      ...s3.options,
      credentials: { accessKeyId: "UNKNOWN", secretAccessKey: "S3RVER" },
    });
    await expect(wrongKeys.stat("studio/ws-1/gen-1/video.mp4")).rejects.toThrow();
    const noBucket = new S3Storage({ ...s3.options, bucket: "no-such-bucket" });
    await expect(
      noBucket.putBuffer("ws/video.mp4", Buffer.from("x"), "video/mp4"),
    ).rejects.toThrow();
  });
});

describe("the studio configured with S3_*", () => {
  let backend: ChildProcess | undefined;
  afterAll(() => {
    backend?.kill("SIGKILL");
  });

  test("stores a finished generation's video and poster in the bucket, served with Range", async () => {
    // Only a backend process whose environment names the bucket works the queue from here on.
    await stopWorker();
    const root = resolve(import.meta.dirname, "../..");
    const { endpoint, bucket, credentials } = s3.options;
    backend = spawn(
      process.execPath,
      ["--conditions=react-server", "--import", "tsx", "tests/support/studio-process.ts"],
      {
        cwd: root,
        env: {
          ...process.env,
          NODE_ENV: "production",
          S3_ENDPOINT: endpoint,
          S3_BUCKET: bucket,
          S3_ACCESS_KEY_ID: credentials?.accessKeyId,
          S3_SECRET_ACCESS_KEY: credentials?.secretAccessKey,
          S3_PREFIX: "e2e",
        },
        stdio: ["ignore", "pipe", "inherit"],
      },
    );
    await new Promise<void>((ok, fail) => {
      backend?.once("exit", (code) => fail(new Error(`studio process exited early (${code})`)));
      backend?.stdout?.on("data", (chunk: Buffer) => {
        if (chunk.toString().includes("studio process ready")) ok();
      });
    });

    const g = await generate(await newWorkspace(), "对象存储里的视频 · a video kept in S3");
    const row = await waitFor(
      async () => {
        const r = await generationRow(g.id);
        return r.mediaState === "stored" || r.mediaState === "failed" ? r : null;
      },
      { timeoutMs: 60_000, what: "the video to be stored" },
    );
    expect(row.mediaError).toBeNull();
    expect(row.mediaState).toBe("stored");
    const mediaKey = row.mediaKey ?? "missing";
    expect(existsSync(join(process.env.MEDIA_DIR ?? "", mediaKey))).toBe(false);

    const storage = new S3Storage({ ...s3.options, prefix: "e2e" });
    expect(await storage.stat(mediaKey)).toMatchObject({
      size: row.bytes,
      contentType: "video/mp4",
    });
    expect(await storage.stat(row.posterKey ?? "missing")).toMatchObject({
      contentType: "image/jpeg",
    });
    const { res, body } = await fetchMedia(storage, mediaKey, "bytes=4-11");
    expect(res.status).toBe(206);
    // Bytes 4–11 of an MP4 are its first box type and brand: "ftyp" then e.g. "isom".
    expect(body.subarray(0, 4).toString("latin1")).toBe("ftyp");
  });
});
