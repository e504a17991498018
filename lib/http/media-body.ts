import "server-only";
import type { Readable } from "node:stream";
import type { MediaStorage } from "@/lib/storage/media-storage";

/**
 * How much of a file a route handler's answer reads at a time. Node's own default for file
 * streams: small enough that a client who stops reading pins little, large enough that the
 * per-chunk cost through Next.js stays small against the read.
 */
export const MEDIA_CHUNK_BYTES = 64 * 1024;

/**
 * The body of a media answer for a route handler: a pull-based stream that reads the next chunk
 * only when Next.js asks for it, which is when the client's socket has taken the last one. So
 * a connection whose reader stalls holds a chunk or two, never the whole range.
 */
export function mediaBody(args: {
  storage: MediaStorage;
  key: string;
  range: { start: number; end: number } | undefined;
  size: number;
}): ReadableStream<Uint8Array> {
  const { storage, key } = args;
  const readBytes = storage.readBytes?.bind(storage);
  if (!readBytes) return pullFrom(() => storage.read(key, args.range));
  let next = args.range?.start ?? 0;
  const last = args.range?.end ?? args.size - 1;
  return new ReadableStream<Uint8Array>(
    {
      async pull(controller) {
        if (next > last) return controller.close();
        const end = Math.min(last, next + MEDIA_CHUNK_BYTES - 1);
        const bytes = await readBytes(key, { start: next, end });
        // A file cut short under the answer: end it, and the client sees a short body.
        if (bytes.byteLength === 0) return controller.error(new Error("media file ended early"));
        next += bytes.byteLength;
        controller.enqueue(bytes);
      },
    },
    { highWaterMark: 0 },
  );
}

/** A store's Node stream (S3) read one chunk per pull, and destroyed when the client goes. */
function pullFrom(open: () => Promise<Readable>): ReadableStream<Uint8Array> {
  let source: Readable | null = null;
  let chunks: AsyncIterator<Buffer> | null = null;
  return new ReadableStream<Uint8Array>(
    {
      async pull(controller) {
        if (!chunks) {
          source = await open();
          chunks = (source as AsyncIterable<Buffer>)[Symbol.asyncIterator]();
        }
        const { value, done } = await chunks.next();
        if (done) controller.close();
        else controller.enqueue(new Uint8Array(value.buffer, value.byteOffset, value.byteLength));
      },
      cancel() {
        source?.destroy();
      },
    },
    { highWaterMark: 0 },
  );
}
