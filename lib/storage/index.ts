import "server-only";
import { env } from "@/lib/env";
import { processSingleton } from "@/lib/process-singleton";
import { LocalDiskStorage } from "@/lib/storage/local-disk-storage";
import type { MediaStorage } from "@/lib/storage/media-storage";
import { S3Storage } from "@/lib/storage/s3-storage";

/**
 * S3 (or an S3-compatible store) when S3_BUCKET is set, else the local MEDIA_DIR. One per process:
 * the worker started at boot writes files the route handlers serve, and the local store keeps
 * open files that writes must reset (the production server's media door reads through it too).
 */
export function mediaStorage(): MediaStorage {
  return processSingleton("media-storage", create);
}

function create(): MediaStorage {
  const e = env();
  if (!e.S3_BUCKET) return new LocalDiskStorage(e.MEDIA_DIR);
  if (Boolean(e.S3_ACCESS_KEY_ID) !== Boolean(e.S3_SECRET_ACCESS_KEY)) {
    throw new Error("Set both S3_ACCESS_KEY_ID and S3_SECRET_ACCESS_KEY, or neither");
  }
  return new S3Storage({
    bucket: e.S3_BUCKET,
    prefix: e.S3_PREFIX,
    region: e.S3_REGION,
    endpoint: e.S3_ENDPOINT,
    forcePathStyle: e.S3_FORCE_PATH_STYLE ?? Boolean(e.S3_ENDPOINT),
    // Neither set: the SDK's default chain (instance role, AWS_* variables, profile).
    credentials:
      e.S3_ACCESS_KEY_ID && e.S3_SECRET_ACCESS_KEY
        ? { accessKeyId: e.S3_ACCESS_KEY_ID, secretAccessKey: e.S3_SECRET_ACCESS_KEY }
        : undefined,
  });
}
