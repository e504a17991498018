import { createHash } from "node:crypto";
import { existsSync } from "node:fs";
import { mkdir } from "node:fs/promises";
import { join, resolve } from "node:path";
import { writeAtomically } from "./write-queue";

// Uploaded files and the images tasks start from, kept once each under their SHA-256: an upload
// overwritten under the same name, or an image fetched again by a second task, never changes
// the bytes a render in progress reads.

export interface StoredBlob {
  sha256: string;
  path: string;
}

export interface BlobStore {
  put(bytes: Uint8Array): Promise<StoredBlob>;
  pathOf(sha256: string): string;
}

export async function openBlobStore(dir: string): Promise<BlobStore> {
  await mkdir(dir, { recursive: true });
  // Absolute: ffmpeg reads these from a render folder of its own.
  const root = resolve(dir);
  const pathOf = (sha256: string) => join(root, sha256);
  return {
    pathOf,
    async put(bytes) {
      const sha256 = createHash("sha256").update(bytes).digest("hex");
      const path = pathOf(sha256);
      if (!existsSync(path)) await writeAtomically(path, bytes);
      return { sha256, path };
    },
  };
}
