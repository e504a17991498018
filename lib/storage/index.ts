import "server-only";
import { env } from "@/lib/env";
import { LocalDiskStorage } from "@/lib/storage/local-disk-storage";
import type { MediaStorage } from "@/lib/storage/media-storage";

let storage: MediaStorage | undefined;

export function mediaStorage(): MediaStorage {
  storage ??= new LocalDiskStorage(env().MEDIA_DIR);
  return storage;
}
