import parseRange from "range-parser";
import {
  isNotModified,
  type MediaRequestHeaders,
  rangeStillApplies,
} from "@/lib/http/media-validators";
import { attachmentDisposition } from "@/lib/media/download-name";
import type { StoredObject } from "@/lib/storage/media-storage";

/**
 * Who a media answer is for, which decides how long a browser may keep it:
 * - "member" (a workspace's own route): for good — a stored video never changes under its key,
 *   and membership is checked on each new fetch;
 * - "shared": revalidated every time, so a revoked share link stops playing at once;
 * - a signed link: until the link expires.
 */
export type MediaAudience = "member" | "shared" | { linkExpiresAt: number };

export interface MediaResponsePlan {
  status: 200 | 206 | 304 | 416;
  /** The inclusive byte range to send; absent for the whole object (or none, on 304 and 416). */
  range?: { start: number; end: number };
  /** Lower-case names, so they merge with other headers without doubling. */
  headers: Record<string, string>;
  /** False for HEAD, 304 and 416: headers only. */
  sendBody: boolean;
}

/**
 * What to answer a GET or HEAD for a stored object, with HTTP Range support (a video element
 * seeks with it) and its validators: 304 when the browser's copy is current; 206 with
 * Content-Range for a satisfiable single range that If-Range (if sent) allows, 416 for an
 * unsatisfiable one, else 200 with the whole object. HEAD is planned as GET, Content-Length
 * included. Shared by the route handlers and the production server's media door, so both answer
 * alike.
 */
export function planMediaResponse(args: {
  object: StoredObject;
  method: string;
  request: MediaRequestHeaders;
  audience: MediaAudience;
  download?: { filename: string };
  nowMs?: number;
}): MediaResponsePlan {
  const { object, request } = args;
  const headers: Record<string, string> = {
    "content-type": object.contentType,
    "accept-ranges": "bytes",
    "cache-control": cacheControl(args.audience, args.nowMs ?? Date.now()),
    "x-content-type-options": "nosniff",
    etag: object.etag,
    "last-modified": object.lastModified.toUTCString(),
  };
  if (args.download) {
    headers["content-disposition"] = attachmentDisposition(args.download.filename);
  }
  if (isNotModified(object, request)) {
    delete headers["content-type"];
    return { status: 304, headers, sendBody: false };
  }
  const rangeHeader = rangeStillApplies(object, request.ifRange) ? request.range : null;
  const ranges = rangeHeader
    ? parseRange(object.size, clampSuffixes(rangeHeader, object.size), { combine: true })
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

/**
 * A suffix range longer than the object means the whole object (RFC 9110 §14.1.2), where
 * range-parser would call it unsatisfiable; `bytes=-0` stays unsatisfiable.
 */
function clampSuffixes(header: string, size: number): string {
  const eq = header.indexOf("=");
  if (eq === -1) return header;
  const specs = header
    .slice(eq + 1)
    .split(",")
    .map((spec) => {
      const suffix = /^\s*-\s*(\d+)\s*$/.exec(spec);
      return suffix && Number(suffix[1]) > size && size > 0 ? "0-" : spec;
    });
  return `${header.slice(0, eq + 1)}${specs.join(",")}`;
}

function cacheControl(audience: MediaAudience, nowMs: number): string {
  if (audience === "member") return "private, max-age=31536000, immutable";
  if (audience === "shared") return "private, no-cache";
  const seconds = Math.max(0, Math.floor((audience.linkExpiresAt - nowMs) / 1000));
  return `private, max-age=${seconds}, immutable`;
}
