import parseRange from "range-parser";
import { attachmentDisposition } from "@/lib/media/download-name";
import type { MediaStorage, StoredObject } from "@/lib/storage/media-storage";

/**
 * Who a media answer is for, which decides how long a browser may keep it:
 * - "member" (a workspace's own route): for good — a stored video never changes under its key,
 *   and membership is checked on each new fetch;
 * - "shared": revalidated every time, so a revoked share link stops playing at once;
 * - a signed link: until the link expires.
 */
export type MediaAudience = "member" | "shared" | { linkExpiresAt: number };

export interface MediaResponsePlan {
  status: 200 | 206 | 416;
  /** The inclusive byte range to send; absent for the whole object (or none, on 416). */
  range?: { start: number; end: number };
  /** Lower-case names, so they merge with other headers without doubling. */
  headers: Record<string, string>;
  /** False for HEAD and 416: headers only. */
  sendBody: boolean;
}

// Ranges up to this size are read into one buffer when the store can (a local file): for the
// megabyte-sized ranges a player asks for, that beats streaming them in chunks.
const BUFFERED_RANGE_MAX = 4 * 1024 * 1024;

/**
 * A planned range read into one buffer, when the store reads a range into memory at once (a local
 * file) and the range is of the size a player asks for; else null, to be streamed. Any other store
 * (S3) streams, so the first bytes leave before the last arrive.
 */
export function readInOneBuffer(
  storage: MediaStorage,
  key: string,
  range: MediaResponsePlan["range"],
): Promise<Uint8Array<ArrayBuffer>> | null {
  if (!storage.readBytes || !range || range.end - range.start >= BUFFERED_RANGE_MAX) return null;
  return storage.readBytes(key, range);
}

/**
 * What to answer a GET or HEAD for a stored object, with HTTP Range support (a video element
 * seeks with it): 206 with Content-Range for a satisfiable single range, 416 for an unsatisfiable
 * one, else 200. Shared by the route handlers and the production server's media door, so both
 * answer alike.
 */
export function planMediaResponse(args: {
  object: StoredObject;
  method: string;
  rangeHeader: string | null | undefined;
  audience: MediaAudience;
  download?: { filename: string };
  nowMs?: number;
}): MediaResponsePlan {
  const { object } = args;
  const headers: Record<string, string> = {
    "content-type": object.contentType,
    "accept-ranges": "bytes",
    "cache-control": cacheControl(args.audience, args.nowMs ?? Date.now()),
    "x-content-type-options": "nosniff",
  };
  if (args.download) {
    headers["content-disposition"] = attachmentDisposition(args.download.filename);
  }
  const ranges = args.rangeHeader
    ? parseRange(object.size, args.rangeHeader, { combine: true })
    : null;
  if (ranges === -1) {
    headers["content-range"] = `bytes */${object.size}`;
    return { status: 416, headers, sendBody: false };
  }
  const range =
    Array.isArray(ranges) && ranges.type === "bytes" && ranges.length === 1 ? ranges[0] : undefined;
  const sendBody = args.method !== "HEAD";
  if (range) {
    headers["content-range"] = `bytes ${range.start}-${range.end}/${object.size}`;
    headers["content-length"] = String(range.end - range.start + 1);
    return { status: 206, headers, range: { start: range.start, end: range.end }, sendBody };
  }
  headers["content-length"] = String(object.size);
  return { status: 200, headers, sendBody };
}

function cacheControl(audience: MediaAudience, nowMs: number): string {
  if (audience === "member") return "private, max-age=31536000, immutable";
  if (audience === "shared") return "private, no-cache";
  const seconds = Math.max(0, Math.floor((audience.linkExpiresAt - nowMs) / 1000));
  return `private, max-age=${seconds}, immutable`;
}
