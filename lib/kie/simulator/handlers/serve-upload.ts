import { createReadStream } from "node:fs";
import { stat } from "node:fs/promises";
import type { IncomingMessage, ServerResponse } from "node:http";
import { pipeline } from "node:stream/promises";
import type { SimulatorContext } from "../context";
import { findLinkedUpload } from "../upload-link";

// GET|HEAD /tempfile/<uploadPath>/<fileName>?expires=&sig= — an uploaded file, while it lives.
// A forged or expired link answers 404: on kie.ai the file is deleted, so there is nothing there.
export async function handleUploadDownload(params: {
  ctx: SimulatorContext;
  req: IncomingMessage;
  res: ServerResponse;
  url: URL;
}): Promise<void> {
  const { ctx, req, res, url } = params;
  const record = findLinkedUpload(ctx, url, Date.now());
  if (!record) {
    const text = "Not found";
    res.writeHead(404, {
      "content-type": "text/plain; charset=utf-8",
      "content-length": text.length,
    });
    res.end(text);
    return;
  }
  ctx.stats.uploadsServed++;
  const path = ctx.uploads.pathOf(record);
  const { size } = await stat(path);
  res.writeHead(200, {
    "content-type": record.mimeType,
    "content-length": size,
    "last-modified": new Date(record.uploadedAt).toUTCString(),
    "cache-control": "private, max-age=3600",
  });
  if (req.method === "HEAD") {
    res.end();
    return;
  }
  await pipeline(createReadStream(path), res);
}
