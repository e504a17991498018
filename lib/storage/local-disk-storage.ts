import { createReadStream } from "node:fs";
import { copyFile, mkdir, rename, rm, unlink, writeFile } from "node:fs/promises";
import { dirname, extname, resolve, sep } from "node:path";
import type { Readable } from "node:stream";
import type { MediaStorage, StoredObject } from "@/lib/storage/media-storage";
import { OpenFileCache } from "@/lib/storage/open-file-cache";

const TYPES: Record<string, string> = {
  ".mp4": "video/mp4",
  ".jpg": "image/jpeg",
  ".jpeg": "image/jpeg",
  ".png": "image/png",
};

export class LocalDiskStorage implements MediaStorage {
  private readonly root: string;
  private readonly openFiles = new OpenFileCache({ max: 64, ttlMs: 60_000 });

  constructor(root: string) {
    this.root = resolve(root);
  }

  // Keys come from the database, never from a request; the check still keeps a bad key inside.
  private path(key: string): string {
    const full = resolve(this.root, key);
    if (!full.startsWith(this.root + sep)) throw new Error("Storage key escapes the media folder");
    return full;
  }

  async putFile(
    key: string,
    filePath: string,
    _contentType?: string,
    opts: { signal?: AbortSignal } = {},
  ): Promise<void> {
    const target = this.path(key);
    await mkdir(dirname(target), { recursive: true });
    const temp = `${target}.${process.pid}.tmp`;
    try {
      await rename(filePath, temp);
    } catch {
      // Across filesystems a rename fails; copy instead.
      await copyFile(filePath, temp);
      await unlink(filePath).catch(() => {});
    }
    // A copy across filesystems takes a while; one stopped meanwhile leaves nothing in place.
    if (opts.signal?.aborted) {
      await unlink(temp).catch(() => {});
      opts.signal.throwIfAborted();
    }
    // Renaming into place makes the object appear whole or not at all.
    await rename(temp, target);
    this.openFiles.forget(target);
  }

  async putBuffer(key: string, data: Buffer): Promise<void> {
    const target = this.path(key);
    await mkdir(dirname(target), { recursive: true });
    const temp = `${target}.${process.pid}.tmp`;
    await writeFile(temp, data);
    await rename(temp, target);
    this.openFiles.forget(target);
  }

  async stat(key: string): Promise<StoredObject | null> {
    const file = await this.openFiles.stat(this.path(key));
    if (file === null) return null;
    const mtime = Math.floor(file.mtimeMs);
    return {
      size: file.size,
      contentType: TYPES[extname(key)] ?? "application/octet-stream",
      // Size and mtime, as nginx spells its ETag: a file is replaced by renaming a new one into
      // place, which changes its mtime.
      etag: `"${file.size.toString(16)}-${mtime.toString(16)}"`,
      lastModified: new Date(mtime),
    };
  }

  async read(key: string, range?: { start: number; end: number }): Promise<Readable> {
    // Node's default 64 KiB chunks: a stream is read ahead by one chunk at most, so a client
    // that stops reading pins little (the players' ranges are read whole: readBytes).
    return createReadStream(this.path(key), { ...range, highWaterMark: 64 * 1024 });
  }

  async readBytes(
    key: string,
    range: { start: number; end: number },
  ): Promise<Uint8Array<ArrayBuffer>> {
    return this.openFiles.read(this.path(key), range.start, range.end - range.start + 1);
  }

  async delete(key: string): Promise<void> {
    const path = this.path(key);
    this.openFiles.forget(path);
    await rm(path, { force: true });
  }
}
