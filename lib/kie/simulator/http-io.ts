import type { IncomingMessage, ServerResponse } from "node:http";

export const maxBodyBytes = 64 * 1024;

export type RawBodyResult =
  | { ok: true; bytes: Buffer<ArrayBuffer> }
  | { ok: false; reason: "too-large" | "aborted" };

/** Reads a request body up to a cap; a larger body is refused, never buffered whole. */
export function readRawBody(req: IncomingMessage, limit = maxBodyBytes): Promise<RawBodyResult> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on("data", (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) {
        req.removeAllListeners("data");
        req.resume();
        resolve({ ok: false, reason: "too-large" });
        return;
      }
      chunks.push(chunk);
    });
    req.on("end", () => resolve({ ok: true, bytes: Buffer.concat(chunks) }));
    req.on("error", () => resolve({ ok: false, reason: "aborted" }));
  });
}

export type JsonResult = { ok: true; value: unknown } | { ok: false; status: number; msg: string };

/** Reads and parses a JSON body, turning every problem into an answer kie.ai would give. */
export async function readJson(req: IncomingMessage, limit = maxBodyBytes): Promise<JsonResult> {
  const body = await readRawBody(req, limit);
  if (!body.ok) {
    return body.reason === "too-large"
      ? { ok: false, status: 413, msg: `Request body exceeds ${limit} bytes` }
      : { ok: false, status: 400, msg: "Request body could not be read" };
  }
  try {
    return { ok: true, value: JSON.parse(body.bytes.toString("utf8")) };
  } catch {
    return { ok: false, status: 400, msg: "Request body is not valid JSON" };
  }
}

/** The body code of each JSON answer, so the request log can show kie's real outcome. */
export const bodyCodes = new WeakMap<ServerResponse, unknown>();

export function sendJson(res: ServerResponse, httpStatus: number, body: unknown): void {
  if (res.headersSent || res.destroyed) return;
  if (isRecord(body)) bodyCodes.set(res, body.code);
  const text = JSON.stringify(body);
  res.writeHead(httpStatus, {
    "content-type": "application/json; charset=utf-8",
    "content-length": Buffer.byteLength(text),
    "cache-control": "no-store",
  });
  res.end(text);
}

/** An error answered kie's usual way: HTTP 200, the real code in the body. */
export function sendBodyError(
  res: ServerResponse,
  code: number,
  text: string,
  key: "msg" | "message" = "msg",
): void {
  sendJson(res, 200, { code, [key]: text, data: null });
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
