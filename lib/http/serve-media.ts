import "server-only";
import { mediaBody } from "@/lib/http/media-body";
import { MEDIA_LENGTH_HEADER } from "@/lib/http/media-length";
import { type MediaAudience, planMediaResponse } from "@/lib/http/media-response-plan";
import { mediaRequestHeaders } from "@/lib/http/media-validators";
import type { MediaStorage } from "@/lib/storage/media-storage";

/** Answers a GET or HEAD for a stored object from a route handler, with HTTP Range support. */
export async function serveMedia(args: {
  req: Request;
  storage: MediaStorage;
  key: string;
  download?: { filename: string };
  audience?: MediaAudience;
}): Promise<Response> {
  const object = await args.storage.stat(args.key);
  if (!object) return Response.json({ error: "not_found" }, { status: 404 });
  const plan = planMediaResponse({
    object,
    method: args.req.method,
    request: mediaRequestHeaders((name) => args.req.headers.get(name)),
    audience: args.audience ?? "member",
    download: args.download,
  });
  const length = plan.headers["content-length"];
  // Next.js drops Content-Length; the production server restores it from this (media-length.ts).
  const headers = length ? { ...plan.headers, [MEDIA_LENGTH_HEADER]: length } : plan.headers;
  const init = { status: plan.status, headers };
  if (!plan.sendBody) return new Response(null, init);
  return new Response(
    mediaBody({ storage: args.storage, key: args.key, range: plan.range, size: object.size }),
    init,
  );
}

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
