import "server-only";
import { env } from "@/lib/env";
import { isMediaKey, linkWindow, type MediaLinks, mediaLinks } from "@/lib/media/media-links";
import { processSingleton } from "@/lib/process-singleton";
import { mediaStorage } from "@/lib/storage";
import type { MediaStorage } from "@/lib/storage/media-storage";

/** This app's signer of media links, or null when media is on S3 (no links are issued then). */
export function appMediaLinks(): MediaLinks | null {
  const e = env();
  if (e.S3_BUCKET) return null;
  return processSingleton("media-links", () => mediaLinks(e.AUTH_SECRET));
}

/**
 * The link a member's browser plays a stored video from, answered without a session lookup per
 * range request: a signed `/media/…` link, or with media on S3 a presigned GET URL that the
 * browser fetches from the store itself; null for a key of a shape links are not signed for.
 * Only for a viewer already allowed to see the video (never for a share page: a share link is
 * checked on every request, so that revoking it stops playback at once).
 */
export async function playLink(mediaKey: string, nowMs = Date.now()): Promise<string | null> {
  if (!isMediaKey(mediaKey)) return null;
  const links = appMediaLinks();
  if (links) return links.sign(mediaKey, nowMs);
  return presignedPlayLink(mediaStorage(), mediaKey, nowMs);
}

/**
 * A presigned GET for the store's object, in the same windows as signed links: one URL per file
 * per 12 hours (so the browser's cache serves it again), good for 12 to 24 hours.
 */
export async function presignedPlayLink(
  storage: MediaStorage,
  mediaKey: string,
  nowMs: number,
): Promise<string | null> {
  if (!storage.presignedGet) return null;
  const { signedAtS, expiresAtS } = linkWindow(nowMs);
  return storage.presignedGet(mediaKey, {
    signedAt: new Date(signedAtS * 1000),
    expiresInS: expiresAtS - signedAtS,
  });
}
