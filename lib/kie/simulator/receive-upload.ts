import type { IncomingMessage } from "node:http";
import { downloadFile } from "./download-file";
import { isRecord, readJson, readRawBody } from "./http-io";
import { fileNameFromUrl, isValidFileName, normalizeUploadPath } from "./upload-names";
import type { UploadForm } from "./upload-store";

// Reads an upload in each of kie.ai's three forms into the same shape, refusing what kie.ai
// refuses with its messages: a missing file or uploadPath, bad base64, a bad or failing URL.

/** kie.ai advises at most 100 MB a file; the simulator refuses more. */
const maxUploadBytes = 100 * 1024 * 1024;
const urlDownloadTimeoutMs = 30_000;
// Room for the multipart boundaries and the text fields around the file.
const multipartOverhead = 1024 * 1024;
const maxBase64Body = Math.ceil(maxUploadBytes / 3) * 4 + 64 * 1024;

export interface ReceivedUpload {
  form: UploadForm;
  bytes: Buffer;
  uploadPath: string;
  /** Null: kie.ai picks a name. */
  fileName: string | null;
}

export type Received =
  | { ok: true; upload: ReceivedUpload }
  | { ok: false; status: number; msg: string };

const refuse = (status: number, msg: string) => ({ ok: false, status, msg }) as const;
const tooLarge = refuse(413, `File size exceeds the limit of ${maxUploadBytes / 1024 / 1024} MB`);

type Names = { ok: true; uploadPath: string; fileName: string | null } | ReturnType<typeof refuse>;

function checkNames(uploadPath: unknown, fileName: unknown): Names {
  if (typeof uploadPath !== "string" || uploadPath.trim() === "") {
    return refuse(400, "uploadPath is required");
  }
  const path = normalizeUploadPath(uploadPath);
  if (path === null) return refuse(400, "uploadPath is not a valid path");
  if (fileName === undefined || fileName === null || fileName === "") {
    return { ok: true, uploadPath: path, fileName: null };
  }
  if (typeof fileName !== "string" || !isValidFileName(fileName.trim())) {
    return refuse(400, "fileName is not a valid file name");
  }
  return { ok: true, uploadPath: path, fileName: fileName.trim() };
}

function accepted(form: UploadForm, bytes: Buffer, names: Names & { ok: true }): Received {
  if (bytes.length === 0) return refuse(400, "File is empty");
  if (bytes.length > maxUploadBytes) return tooLarge;
  return {
    ok: true,
    upload: { form, bytes, uploadPath: names.uploadPath, fileName: names.fileName },
  };
}

// POST /api/file-stream-upload — multipart/form-data: file, uploadPath, fileName?
export async function receiveStreamUpload(req: IncomingMessage): Promise<Received> {
  const type = req.headers["content-type"] ?? "";
  if (!/^multipart\/form-data\s*;/i.test(type)) {
    return refuse(400, "Content-Type must be multipart/form-data");
  }
  const body = await readRawBody(req, maxUploadBytes + multipartOverhead);
  if (!body.ok)
    return body.reason === "too-large" ? tooLarge : refuse(400, "Upload was interrupted");
  let form: FormData;
  try {
    // undici's multipart parser, as fetch uses it: no hand-written boundary handling.
    form = await new Request("http://simulator.invalid/", {
      method: "POST",
      headers: { "content-type": type },
      body: body.bytes,
    }).formData();
  } catch {
    return refuse(400, "Request body is not valid multipart/form-data");
  }
  const file = form.get("file");
  if (!(file instanceof Blob)) return refuse(400, "file is required");
  const names = checkNames(form.get("uploadPath"), form.get("fileName"));
  if (!names.ok) return names;
  return accepted("stream", Buffer.from(await file.arrayBuffer()), names);
}

const dataUrl = /^data:[^,]*?;base64,/i;
const base64Text = /^[A-Za-z0-9+/_-]*={0,2}$/;

function decodeBase64(raw: string): Buffer | null {
  const text = raw.trim().replace(dataUrl, "").replace(/\s+/g, "");
  if (text === "" || !base64Text.test(text) || text.replace(/=+$/, "").length % 4 === 1) {
    return null;
  }
  return Buffer.from(text, "base64");
}

async function readUploadJson(req: IncomingMessage, limit: number) {
  const body = await readJson(req, limit);
  if (!body.ok) return body.status === 413 ? tooLarge : refuse(body.status, body.msg);
  if (!isRecord(body.value)) return refuse(400, "Request body must be a JSON object");
  return { ok: true, value: body.value } as const;
}

// POST /api/file-base64-upload — JSON: base64Data (plain or a data URL), uploadPath, fileName?
export async function receiveBase64Upload(req: IncomingMessage): Promise<Received> {
  const body = await readUploadJson(req, maxBase64Body);
  if (!body.ok) return body;
  const { base64Data, uploadPath, fileName } = body.value;
  if (typeof base64Data !== "string" || base64Data.trim() === "") {
    return refuse(400, "base64Data is required");
  }
  const names = checkNames(uploadPath, fileName);
  if (!names.ok) return names;
  const bytes = decodeBase64(base64Data);
  if (bytes === null) return refuse(400, "base64Data is not valid base64");
  return accepted("base64", bytes, names);
}

// POST /api/file-url-upload — JSON: fileUrl, uploadPath, fileName?; kie.ai fetches the file
export async function receiveUrlUpload(
  req: IncomingMessage,
  signal: AbortSignal,
): Promise<Received> {
  const body = await readUploadJson(req, 64 * 1024);
  if (!body.ok) return body;
  const { fileUrl, uploadPath, fileName } = body.value;
  if (typeof fileUrl !== "string" || fileUrl.trim() === "")
    return refuse(400, "fileUrl is required");
  const names = checkNames(uploadPath, fileName);
  if (!names.ok) return names;
  const download = await downloadFile(fileUrl.trim(), {
    maxBytes: maxUploadBytes,
    timeoutMs: urlDownloadTimeoutMs,
    signal,
  });
  if (!download.ok) {
    if (download.problem === "too-large") return tooLarge;
    if (download.problem === "bad-url") return refuse(400, "fileUrl must be an http or https URL");
    return refuse(400, `Failed to download file from fileUrl: ${download.detail}`);
  }
  const named = names.fileName ?? fileNameFromUrl(new URL(fileUrl.trim()));
  return accepted("url", download.bytes, { ...names, fileName: named });
}
