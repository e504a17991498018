import { randomBytes } from "node:crypto";
import { rename, writeFile } from "node:fs/promises";

// State files are rewritten whole. Writes to one path run one after another, each through a
// temporary file and a rename, so a crash or a quick second save never leaves half a file.

export async function writeAtomically(path: string, content: string | Uint8Array): Promise<void> {
  const tmp = `${path}.${randomBytes(4).toString("hex")}.tmp`;
  await writeFile(tmp, content);
  await rename(tmp, path);
}

export interface WriteQueue {
  /** Queues a write; `content` is read when its turn comes, so the newest state is written. */
  write(path: string, content: () => string): void;
  /** Resolves when every pending write has landed. */
  flush(): Promise<void>;
}

export function createWriteQueue(onWriteError: (error: unknown) => void): WriteQueue {
  const writes = new Map<string, Promise<void>>();
  return {
    write(path, content) {
      const previous = writes.get(path) ?? Promise.resolve();
      const next = previous
        .then(() => writeAtomically(path, content()))
        .catch(onWriteError)
        .finally(() => {
          if (writes.get(path) === next) writes.delete(path);
        });
      writes.set(path, next);
    },
    async flush() {
      while (writes.size > 0) await Promise.all(writes.values());
    },
  };
}
