import type { StoredObject } from "@/lib/storage/media-storage";

/** The request headers a media answer depends on, as they arrived (absent: null or undefined). */
export interface MediaRequestHeaders {
  range?: string | null;
  ifRange?: string | null;
  ifNoneMatch?: string | null;
  ifModifiedSince?: string | null;
}

/** Reads them from a web `Headers` (route handlers) or Node's header object (the media door). */
export function mediaRequestHeaders(
  get: (name: string) => string | string[] | null | undefined,
): MediaRequestHeaders {
  const one = (name: string) => {
    const v = get(name);
    return Array.isArray(v) ? v.join(", ") : v;
  };
  return {
    range: one("range"),
    ifRange: one("if-range"),
    ifNoneMatch: one("if-none-match"),
    ifModifiedSince: one("if-modified-since"),
  };
}

/** HTTP dates carry whole seconds: a file's mtime is compared at that precision. */
function seconds(date: Date): number {
  return Math.floor(date.getTime() / 1000);
}

function parseHttpDate(value: string): number | null {
  const ms = Date.parse(value);
  return Number.isNaN(ms) ? null : Math.floor(ms / 1000);
}

/** The entity tags of an If-None-Match list; `*` matches any. */
function entityTags(header: string): string[] {
  return header.match(/\*|(?:W\/)?"[^"]*"/g) ?? [];
}

const opaque = (tag: string) => tag.replace(/^W\//, "");

/**
 * Whether the browser's copy is current (RFC 9110 §13.1.2–3): If-None-Match by weak comparison,
 * and only without it If-Modified-Since.
 */
export function isNotModified(object: StoredObject, req: MediaRequestHeaders): boolean {
  if (req.ifNoneMatch != null) {
    return entityTags(req.ifNoneMatch).some(
      (tag) => tag === "*" || opaque(tag) === opaque(object.etag),
    );
  }
  if (req.ifModifiedSince != null) {
    const since = parseHttpDate(req.ifModifiedSince);
    return since !== null && seconds(object.lastModified) <= since;
  }
  return false;
}

/**
 * Whether a Range may be honoured under If-Range (RFC 9110 §13.1.5): with none, yes; with an
 * entity tag, only the same strong tag; with a date, only the exact Last-Modified. Otherwise the
 * browser's partial copy is of another file, and it gets the whole object instead.
 */
export function rangeStillApplies(object: StoredObject, ifRange: string | null | undefined) {
  if (ifRange == null) return true;
  const value = ifRange.trim();
  if (value.startsWith('"')) return value === object.etag && !object.etag.startsWith("W/");
  if (value.startsWith("W/")) return false;
  const date = parseHttpDate(value);
  return date !== null && date === seconds(object.lastModified);
}
