import { readFile } from "node:fs/promises";
import { isModelId, MODELS } from "../models";
import type { SimulatorContext } from "./context";
import { detectMimeType } from "./detect-mime-type";
import { downloadFile } from "./download-file";
import { measureImage } from "./measure-image";
import { taskInput } from "./task-input";
import { findLinkedUpload, isOwnUploadLink } from "./upload-link";

// The images an image-to-video task starts (and may end) from, fetched as kie.ai would before
// generating: a link into the simulator's own upload store is read from the store (an expired
// one is as gone as on kie.ai), any other URL over HTTP(S). kie.ai takes JPEG, PNG or WEBP of at
// most 10 MB; anything else ends the task in fail, with nothing charged.

const maxImageBytes = 10 * 1024 * 1024;
const imageDownloadTimeoutMs = 30_000;
const usableTypes = ["image/jpeg", "image/png", "image/webp"];

export interface SourceImage {
  /** The bytes, in the blob store. */
  path: string;
  sha256: string;
  width: number;
  height: number;
}

export interface TaskImages {
  start: SourceImage;
  end: SourceImage | null;
}

export type TaskImagesResult = { ok: true; images: TaskImages | null } | { ok: false; msg: string };

type Field = "image_url" | "end_image_url";
type Fetched = { ok: true; image: SourceImage } | { ok: false; msg: string };

async function imageBytes(
  ctx: SimulatorContext,
  raw: string,
): Promise<Buffer | "too-large" | null> {
  if (URL.canParse(raw) && isOwnUploadLink(ctx, new URL(raw))) {
    const record = findLinkedUpload(ctx, new URL(raw), Date.now());
    if (!record) return null;
    if (record.fileSize > maxImageBytes) return "too-large";
    return readFile(ctx.uploads.pathOf(record)).catch(() => null);
  }
  const download = await downloadFile(raw, {
    maxBytes: maxImageBytes,
    timeoutMs: imageDownloadTimeoutMs,
    signal: ctx.closing,
  });
  if (download.ok) return download.bytes;
  return download.problem === "too-large" ? "too-large" : null;
}

async function fetchImage(ctx: SimulatorContext, field: Field, raw: string): Promise<Fetched> {
  const bytes = await imageBytes(ctx, raw);
  if (bytes === null) return { ok: false, msg: `${field} could not be downloaded` };
  if (bytes === "too-large") return { ok: false, msg: `${field} is larger than 10 MB` };
  const mimeType = detectMimeType(bytes);
  const size = usableTypes.includes(mimeType) ? measureImage(bytes, mimeType) : null;
  if (size === null) return { ok: false, msg: `${field} is not a JPEG, PNG or WEBP image` };
  const { sha256, path } = await ctx.blobs.put(bytes);
  return { ok: true, image: { path, sha256, ...size } };
}

/** The task's images; none for a model that starts from the prompt alone (it ignores them). */
export async function fetchTaskImages(
  ctx: SimulatorContext,
  task: { model: string; param: string },
): Promise<TaskImagesResult> {
  const model = isModelId(task.model) ? MODELS[task.model] : null;
  const input = taskInput(task);
  if (model?.start !== "image" || typeof input.image_url !== "string") {
    return { ok: true, images: null };
  }
  const endUrl =
    model.endImage && typeof input.end_image_url === "string" ? input.end_image_url : null;
  const [start, end] = await Promise.all([
    fetchImage(ctx, "image_url", input.image_url),
    endUrl === null ? null : fetchImage(ctx, "end_image_url", endUrl),
  ]);
  if (!start.ok) return start;
  if (end && !end.ok) return end;
  return { ok: true, images: { start: start.image, end: end?.image ?? null } };
}
