import "server-only";
import { env } from "@/lib/env";
import { isMediaKey, type MediaLinks, mediaLinks } from "@/lib/media/media-links";
import { processSingleton } from "@/lib/process-singleton";

/** This app's signer of media links, or null when media is on S3 (no links are issued then). */
export function appMediaLinks(): MediaLinks | null {
  const e = env();
  if (e.S3_BUCKET) return null;
  return processSingleton("media-links", () => mediaLinks(e.AUTH_SECRET));
}

/**
 * The link a member's browser plays a stored video from: a signed `/media/…` link, answered
 * without a session lookup per range request, or null when media is on S3 (the member route then
 * streams it), or for a key of a shape links are not signed for. Only for a viewer already
 * allowed to see the video.
 */
export function playLink(mediaKey: string): string | null {
  if (!isMediaKey(mediaKey)) return null;
  return appMediaLinks()?.sign(mediaKey) ?? null;
}
