import type { IncomingMessage, ServerResponse } from "node:http";
import { authenticate, unauthorizedMsg } from "../authenticate";
import type { SimulatorContext } from "../context";
import { detectMimeType } from "../detect-mime-type";
import { sendJson } from "../http-io";
import {
  type Received,
  receiveBase64Upload,
  receiveStreamUpload,
  receiveUrlUpload,
} from "../receive-upload";
import { uploadLink } from "../upload-link";
import { randomFileName } from "../upload-names";
import type { UploadForm } from "../upload-store";

// kie.ai's File Upload API (kieai.redpandaai.co): unlike the generation API it answers errors
// with real HTTP statuses, and its bodies carry `success` beside `code` and `msg`.

const configuredFailures: Record<429 | 500, string> = {
  429: "Rate limited: too many requests, please try again later",
  500: "Internal server error",
};

function sendUploadError(res: ServerResponse, status: number, msg: string): void {
  // A refused body may still be arriving; closing says not to send the rest.
  if (status === 413) res.setHeader("connection", "close");
  sendJson(res, status, { success: false, code: status, msg });
}

function receive(ctx: SimulatorContext, req: IncomingMessage, form: UploadForm): Promise<Received> {
  if (form === "stream") return receiveStreamUpload(req);
  if (form === "base64") return receiveBase64Upload(req);
  return receiveUrlUpload(req, ctx.closing);
}

// POST /api/file-stream-upload, /api/file-base64-upload, /api/file-url-upload — store a file
// kie.ai can fetch, and hand back its expiring download link
export async function handleUpload(
  ctx: SimulatorContext,
  req: IncomingMessage,
  res: ServerResponse,
  form: UploadForm,
): Promise<void> {
  ctx.stats.uploadCalls++;
  const fail = (status: number, msg: string) => {
    ctx.stats.uploadErrors++;
    sendUploadError(res, status, msg);
  };
  if (!authenticate(req, ctx.settings)) return fail(401, unauthorizedMsg);
  const configured = ctx.settings.uploadFailures;
  if (configured && configured.count > 0) {
    ctx.settings.uploadFailures = { ...configured, count: configured.count - 1 };
    req.resume();
    return fail(configured.status, configuredFailures[configured.status]);
  }
  const received = await receive(ctx, req, form);
  if (!received.ok) return fail(received.status, received.msg);
  const { bytes, uploadPath } = received.upload;
  const mimeType = detectMimeType(bytes);
  const fileName = received.upload.fileName ?? randomFileName(mimeType);
  const { sha256 } = await ctx.blobs.put(bytes);
  const uploadedAt = Date.now();
  const record = ctx.uploads.add({
    uploadPath,
    fileName,
    sha256,
    fileSize: bytes.length,
    mimeType,
    form,
    uploadedAt,
    expiresAt: uploadedAt + ctx.settings.uploadTtlMs,
  });
  ctx.stats.uploads++;
  sendJson(res, 200, {
    success: true,
    code: 200,
    msg: "File uploaded successfully",
    data: {
      fileName: record.fileName,
      filePath: record.filePath,
      downloadUrl: uploadLink(ctx, record),
      fileSize: record.fileSize,
      mimeType: record.mimeType,
      uploadedAt: new Date(record.uploadedAt).toISOString(),
    },
  });
}
