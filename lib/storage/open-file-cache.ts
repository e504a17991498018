import { type FileHandle, open } from "node:fs/promises";
import { LRUCache } from "lru-cache";

interface OpenFile {
  handle: FileHandle;
  size: number;
  mtimeMs: number;
  /** Reads in flight: an evicted file is closed only after the last of them. */
  reading: number;
  evicted: boolean;
}

/**
 * Recently read files kept open with their size, as nginx's open_file_cache does: a video
 * element fetches one file in many range requests, and each would otherwise pay a stat, an open
 * and a close around its one read. For immutable files only — a stored video never changes
 * under its key; a file written or deleted through the owner must be forgotten with forget().
 */
export class OpenFileCache {
  private readonly files: LRUCache<string, Promise<OpenFile>>;

  constructor(opts: { max: number; ttlMs: number }) {
    this.files = new LRUCache<string, Promise<OpenFile>>({
      max: opts.max,
      ttl: opts.ttlMs,
      // Idle files are closed when their time is up, not when next asked for.
      ttlAutopurge: true,
      dispose: (file) => {
        void file.then((f) => this.release(f, true)).catch(() => {});
      },
    });
  }

  /** The file's size and modification time, or null when there is no such file. */
  async stat(path: string): Promise<{ size: number; mtimeMs: number } | null> {
    try {
      const { size, mtimeMs } = await this.get(path);
      return { size, mtimeMs };
    } catch {
      return null;
    }
  }

  /** Up to `length` bytes from `position`; fewer at the end of the file. Fails if it is gone. */
  async read(path: string, position: number, length: number): Promise<Uint8Array<ArrayBuffer>> {
    const file = await this.get(path);
    file.reading++;
    try {
      // Its own memory, never a slice of Node's shared pool of small buffers.
      const out = Buffer.allocUnsafeSlow(length);
      let filled = 0;
      while (filled < length) {
        const { bytesRead } = await file.handle.read(
          out,
          filled,
          length - filled,
          position + filled,
        );
        if (bytesRead === 0) break;
        filled += bytesRead;
      }
      return filled === length ? out : out.subarray(0, filled);
    } finally {
      this.release(file, false);
    }
  }

  /** Drops a path (written anew or deleted), closing its handle once no read uses it. */
  forget(path: string): void {
    this.files.delete(path);
  }

  /** Closes every handle (a test's or a shutdown's cleanup). */
  clear(): void {
    this.files.clear();
  }

  private get(path: string): Promise<OpenFile> {
    const cached = this.files.get(path);
    if (cached) return cached;
    const opening = openFile(path);
    this.files.set(path, opening);
    // A file that cannot be opened is not remembered: it may appear a moment later.
    opening.catch(() => {
      if (this.files.peek(path) === opening) this.files.delete(path);
    });
    return opening;
  }

  private release(file: OpenFile, evicted: boolean): void {
    if (evicted) file.evicted = true;
    else file.reading--;
    if (file.evicted && file.reading === 0) void file.handle.close().catch(() => {});
  }
}

async function openFile(path: string): Promise<OpenFile> {
  const handle = await open(path, "r");
  try {
    const s = await handle.stat();
    if (!s.isFile()) throw new Error(`${path} is not a file`);
    return { handle, size: s.size, mtimeMs: s.mtimeMs, reading: 0, evicted: false };
  } catch (e) {
    await handle.close();
    throw e;
  }
}
