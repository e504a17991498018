import "server-only";
import { Readable } from "node:stream";
import {
  type MediaAudience,
  planMediaResponse,
  readInOneBuffer,
} from "@/lib/http/media-response-plan";
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
    rangeHeader: args.req.headers.get("range"),
    audience: args.audience ?? "member",
    download: args.download,
  });
  const init = { status: plan.status, headers: plan.headers };
  if (!plan.sendBody) return new Response(null, init);
  const oneBuffer = readInOneBuffer(args.storage, args.key, plan.range);
  if (oneBuffer) return new Response(oneChunk(await oneBuffer), init);
  return new Response(toWeb(await args.storage.read(args.key, plan.range)), init);
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

function toWeb(stream: Readable): ReadableStream<Uint8Array> {
  return Readable.toWeb(stream) as ReadableStream<Uint8Array>;
}
