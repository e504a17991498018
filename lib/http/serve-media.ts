import "server-only";
import { Readable } from "node:stream";
import parseRange from "range-parser";
import type { MediaStorage } from "@/lib/storage/media-storage";

/**
 * Answers a GET for a stored object with HTTP Range support (a video element seeks with it):
 * 206 with Content-Range for a satisfiable single range, 416 for an unsatisfiable one, else 200.
 */
export async function serveMedia(args: {
  req: Request;
  storage: MediaStorage;
  key: string;
  download?: { filename: string };
  /**
   * "member" (default): cached by the browser for good — a stored video never changes, and
   * membership is checked on each new fetch. "shared": revalidated every time, so a revoked link
   * stops playing at once.
   */
  audience?: "member" | "shared";
}): Promise<Response> {
  const object = await args.storage.stat(args.key);
  if (!object) return Response.json({ error: "not_found" }, { status: 404 });
  const headers = new Headers({
    "Content-Type": object.contentType,
    "Accept-Ranges": "bytes",
    // Private: only members may see it; immutable: a stored video never changes under its key.
    "Cache-Control":
      args.audience === "shared" ? "private, no-cache" : "private, max-age=31536000, immutable",
    "X-Content-Type-Options": "nosniff",
  });
  if (args.download) {
    headers.set(
      "Content-Disposition",
      `attachment; filename="${args.download.filename}"; filename*=UTF-8''${encodeURIComponent(args.download.filename)}`,
    );
  }

  const rangeHeader = args.req.headers.get("range");
  const ranges = rangeHeader ? parseRange(object.size, rangeHeader, { combine: true }) : null;
  if (ranges === -1) {
    headers.set("Content-Range", `bytes */${object.size}`);
    return new Response(null, { status: 416, headers });
  }
  const range =
    Array.isArray(ranges) && ranges.type === "bytes" && ranges.length === 1 ? ranges[0] : undefined;
  const head = args.req.method === "HEAD";
  if (range) {
    headers.set("Content-Range", `bytes ${range.start}-${range.end}/${object.size}`);
    headers.set("Content-Length", String(range.end - range.start + 1));
    if (head) return new Response(null, { status: 206, headers });
    // A store that reads a range into memory at once (a local file) sends it as one chunk: for
    // the megabyte-sized ranges a player asks for, that beats bridging a Node stream. Any other
    // store (S3) streams, so the first bytes leave before the last arrive.
    if (args.storage.readBytes && range.end - range.start < BUFFERED_RANGE_MAX) {
      return new Response(oneChunk(await args.storage.readBytes(args.key, range)), {
        status: 206,
        headers,
      });
    }
    return new Response(toWeb(await args.storage.read(args.key, range)), { status: 206, headers });
  }
  headers.set("Content-Length", String(object.size));
  const body = head ? null : toWeb(await args.storage.read(args.key));
  return new Response(body, { status: 200, headers });
}

const BUFFERED_RANGE_MAX = 4 * 1024 * 1024;

/**
 * The bytes as a one-chunk stream: handed to Response as they are, where a Uint8Array body would
 * be copied first (the Fetch standard's "extract a body" takes a copy of a buffer source).
 */
export function oneChunk(bytes: Uint8Array<ArrayBuffer>): ReadableStream<Uint8Array> {
  return new ReadableStream({
    start(controller) {
      controller.enqueue(bytes);
      controller.close();
    },
  });
}

function toWeb(stream: Readable): ReadableStream<Uint8Array> {
  return Readable.toWeb(stream) as ReadableStream<Uint8Array>;
}
