import {
  existsSync,
  mkdtempSync,
  readdirSync,
  readlinkSync,
  realpathSync,
  renameSync,
  rmSync,
  unlinkSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { OpenFileCache } from "@/lib/storage/open-file-cache";

// The real path: /proc/self/fd names files by it, whatever links the temp folder goes through.
const dir = realpathSync(mkdtempSync(join(tmpdir(), "open-file-cache-")));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const text = (bytes: Uint8Array) => Buffer.from(bytes).toString();

/** The files under `prefix` this process holds open, from Linux's /proc/self/fd. */
function openFilesUnder(prefix: string): string[] {
  const open: string[] = [];
  for (const fd of readdirSync("/proc/self/fd")) {
    try {
      const target = readlinkSync(`/proc/self/fd/${fd}`);
      if (target.startsWith(prefix)) open.push(target);
    } catch {
      // closed between the listing and the look
    }
  }
  return open.sort();
}

describe("the open file cache", () => {
  it("gives sizes and exact ranges, and fewer bytes at the end of the file", async () => {
    const cache = new OpenFileCache({ max: 4, ttlMs: 60_000 });
    const path = join(dir, "a.mp4");
    writeFileSync(path, "0123456789");
    expect((await cache.stat(path))?.size ?? null).toBe(10);
    expect(text(await cache.read(path, 2, 3))).toBe("234");
    expect(text(await cache.read(path, 8, 10))).toBe("89");
    expect((await cache.stat(join(dir, "missing.mp4")))?.size ?? null).toBeNull();
    expect((await cache.stat(dir))?.size ?? null).toBeNull();
    await expect(cache.read(join(dir, "missing.mp4"), 0, 1)).rejects.toThrow();
    cache.clear();
  });

  it("sees a file that appears after it was missing, and a rewrite once told to forget", async () => {
    const cache = new OpenFileCache({ max: 4, ttlMs: 60_000 });
    const path = join(dir, "b.mp4");
    expect((await cache.stat(path))?.size ?? null).toBeNull();
    writeFileSync(path, "first");
    expect((await cache.stat(path))?.size ?? null).toBe(5);
    // Replaced through a new file (as storage does): the open handle still reads the old one…
    writeFileSync(`${path}.new`, "second!");
    renameSync(`${path}.new`, path);
    expect(text(await cache.read(path, 0, 5))).toBe("first");
    // …until the owner says it changed.
    cache.forget(path);
    expect(text(await cache.read(path, 0, 7))).toBe("second!");
    cache.clear();
  });

  it("finishes reads in flight when their file is evicted, and keeps at most `max` open", async () => {
    const cache = new OpenFileCache({ max: 2, ttlMs: 60_000 });
    const paths = [0, 1, 2, 3].map((i) => join(dir, `c${i}.mp4`));
    for (const p of paths) writeFileSync(p, Buffer.alloc(4 * 1024 * 1024, 7));
    const reads = paths.flatMap((p) => [cache.read(p, 0, 4 * 1024 * 1024), cache.read(p, 1, 10)]);
    for (const bytes of await Promise.all(reads)) expect(bytes.every((b) => b === 7)).toBe(true);
    // A deleted file that was evicted is gone for good.
    unlinkSync(paths[0] as string);
    expect((await cache.stat(paths[0] as string))?.size ?? null).toBeNull();
    cache.clear();
  });

  it.runIf(existsSync("/proc/self/fd"))(
    "holds at most `max` files open, the most recent, and none after clear()",
    async () => {
      const cache = new OpenFileCache({ max: 2, ttlMs: 60_000 });
      const prefix = join(dir, "d");
      const paths = [0, 1, 2, 3, 4].map((i) => `${prefix}${i}.mp4`);
      for (const p of paths) writeFileSync(p, Buffer.alloc(1024, 1));
      for (const p of paths) expect((await cache.read(p, 0, 16)).length).toBe(16);
      // Evicted handles close asynchronously, once their reads are over.
      await expect.poll(() => openFilesUnder(prefix)).toEqual(paths.slice(3));
      cache.clear();
      await expect.poll(() => openFilesUnder(prefix)).toEqual([]);
    },
  );
});
