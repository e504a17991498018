import "server-only";
import type { IncomingMessage } from "node:http";
import { PassThrough } from "node:stream";

/**
 * Reads a request's whole body, up to `limit` bytes: the bytes; "too-large" as soon as it passes
 * the limit (the rest is left unread); or "aborted" when the client went away first.
 */
export function readBody(
  req: IncomingMessage,
  limit: number,
): Promise<Buffer | "too-large" | "aborted"> {
  return new Promise((done) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const finish = (result: Buffer | "too-large" | "aborted") => {
      req.off("data", onData).off("end", onEnd).off("error", onAbort).off("aborted", onAbort);
      done(result);
    };
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) {
        req.pause();
        finish("too-large");
      } else chunks.push(chunk);
    };
    const onEnd = () => finish(Buffer.concat(chunks, size));
    const onAbort = () => finish("aborted");
    req.on("data", onData).on("end", onEnd).on("error", onAbort).on("aborted", onAbort);
  });
}

/**
 * Makes a request whose body was read readable again, from the start, for Next.js. This is how
 * Next.js itself hands a body on after its proxy (middleware) has read it:
 * `replaceRequestBody` in next/dist/server/body-streams.js puts a stream's state and methods in
 * place of the request's own, so the request reads, pipes and ends as that stream does. Next.js
 * does it again over this one for every request its proxy sees.
 */
export function replayBody(req: IncomingMessage, body: Buffer): void {
  const replay = new PassThrough();
  replay.end(body);
  // Every enumerable member, own and inherited, as Next.js copies them: typed loosely on purpose.
  const target = req as unknown as Record<string, unknown>;
  const source = replay as unknown as Record<string, unknown>;
  for (const key in source) {
    const value = source[key];
    target[key] = typeof value === "function" ? value.bind(replay) : value;
  }
}
