import { createReadStream, existsSync } from "node:fs";
import { stat } from "node:fs/promises";
import type { IncomingMessage, ServerResponse } from "node:http";
import { join } from "node:path";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import type { FileMode } from "../config";
import type { SimulatorContext } from "../context";
import { verifyFileSignature } from "../signing";
import type { TaskRecord } from "../task-store";

// The file host behind result URLs. Besides honest serving with byte ranges, it can misbehave
// the ways real CDNs and proxies do, so the studio's downloader is tested against them.

type ByteRange = { start: number; end: number };

/** A single "bytes=" range; null means "ignore the header" (absent, malformed or multi-range). */
export function parseRange(
  header: string | undefined,
  size: number,
): ByteRange | "unsatisfiable" | null {
  const match = /^bytes=(\d*)-(\d*)$/.exec(header?.trim() ?? "");
  if (!match) return null;
  const [, first = "", last = ""] = match;
  if (first === "") {
    if (last === "") return null;
    const suffix = Number(last);
    return suffix === 0 ? "unsatisfiable" : { start: Math.max(0, size - suffix), end: size - 1 };
  }
  const start = Number(first);
  const end = last === "" ? size - 1 : Number(last);
  if (last !== "" && end < start) return null;
  if (start >= size) return "unsatisfiable";
  return { start, end: Math.min(end, size - 1) };
}

function plain(res: ServerResponse, status: number, text: string): void {
  res.writeHead(status, {
    "content-type": "text/plain; charset=utf-8",
    "content-length": text.length,
  });
  res.end(text);
}

function videoPath(ctx: SimulatorContext, task: TaskRecord): string {
  const file = task.video?.file;
  const rendered = file ? join(ctx.store.videosDir, file) : null;
  return rendered && existsSync(rendered) ? rendered : ctx.fallbackVideoPath;
}

async function streamZeros(res: ServerResponse, total: number): Promise<void> {
  const chunk = Buffer.alloc(64 * 1024);
  async function* zeros() {
    for (let sent = 0; sent < total; sent += chunk.length) {
      yield total - sent >= chunk.length ? chunk : chunk.subarray(0, total - sent);
    }
  }
  await pipeline(Readable.from(zeros(), { objectMode: false }), res);
}

async function serveMisbehaving(params: {
  res: ServerResponse;
  mode: Exclude<FileMode, "normal">;
  path: string;
  size: number;
  head: boolean;
  oversizeBytes: number;
}): Promise<void> {
  const { res, mode, path, size, head } = params;
  if (mode === "badtype") {
    const html = "<!doctype html><html><body><h1>Access denied</h1></body></html>";
    res.writeHead(200, {
      "content-type": "text/html; charset=utf-8",
      "content-length": html.length,
    });
    res.end(head ? undefined : html);
    return;
  }
  const length = mode === "oversize" ? params.oversizeBytes : size;
  res.writeHead(200, { "content-type": "video/mp4", "content-length": length });
  if (head) {
    res.end();
    return;
  }
  if (mode === "oversize") return streamZeros(res, length);
  // "truncated": the headers promise the whole file, the connection dies halfway.
  await pipeline(createReadStream(path, { end: Math.floor(size / 2) - 1 }), res, { end: false });
  res.destroy();
}

// GET|HEAD /files/<taskId>.mp4?expires=&sig= — a result video behind a signed, expiring URL
export async function handleFile(params: {
  ctx: SimulatorContext;
  req: IncomingMessage;
  res: ServerResponse;
  taskId: string;
  query: URLSearchParams;
}): Promise<void> {
  const { ctx, req, res, taskId, query } = params;
  const expires = Number(query.get("expires"));
  const sig = query.get("sig") ?? "";
  const signed = verifyFileSignature({ taskId, expires, sig, secret: ctx.store.urlSecret });
  if (!signed || !Number.isFinite(expires) || expires < Date.now() || ctx.settings.expireUrls) {
    return plain(res, 403, "Forbidden: this link has expired or is not valid");
  }
  const task = ctx.store.get(taskId);
  if (!task || task.completeTime === null || task.outcome !== "success") {
    return plain(res, 404, "Not found");
  }
  ctx.stats.filesServed++;
  const path = videoPath(ctx, task);
  const { size, mtime } = await stat(path);
  const head = req.method === "HEAD";
  const mode = task.markers.fileMode ?? ctx.settings.fileMode;
  if (mode !== "normal") {
    return serveMisbehaving({
      res,
      mode,
      path,
      size,
      head,
      oversizeBytes: ctx.settings.oversizeBytes,
    });
  }
  const common = {
    "accept-ranges": "bytes",
    "content-type": "video/mp4",
    "last-modified": mtime.toUTCString(),
    "cache-control": "private, max-age=3600",
  };
  const range = parseRange(req.headers.range, size);
  if (range === "unsatisfiable") {
    res.writeHead(416, {
      "accept-ranges": "bytes",
      "content-range": `bytes */${size}`,
      "content-length": 0,
    });
    res.end();
    return;
  }
  const { start, end } = range ?? { start: 0, end: size - 1 };
  res.writeHead(range ? 206 : 200, {
    ...common,
    "content-length": end - start + 1,
    ...(range ? { "content-range": `bytes ${start}-${end}/${size}` } : {}),
  });
  if (head) {
    res.end();
    return;
  }
  await pipeline(createReadStream(path, { start, end }), res);
}
