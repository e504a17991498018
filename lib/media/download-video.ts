import { createWriteStream } from "node:fs";
import { open, unlink } from "node:fs/promises";
import { Readable, Transform } from "node:stream";
import { pipeline } from "node:stream/promises";
import type { ReadableStream as WebStream } from "node:stream/web";
import type { MediaErrorCode } from "@/lib/media/media-error-codes";

/** The parts of a fetch Response a download reads (global fetch and undici's both fit). */
interface FetchResponse {
  status: number;
  ok: boolean;
  headers: { get(name: string): string | null };
  body: WebStream | ReadableStream<Uint8Array> | null;
}

export class MediaError extends Error {
  constructor(
    readonly code: MediaErrorCode,
    message: string,
    /** True when trying again cannot help (wrong type, too large, refused host). */
    readonly permanent: boolean,
    /** The URL no longer works (expired link): a fresh one may. */
    readonly expired = false,
  ) {
    super(message);
    this.name = "MediaError";
  }
}

const ACCEPTED_TYPES = [
  "video/mp4",
  "video/quicktime",
  "application/octet-stream",
  "binary/octet-stream",
];
const MAX_REDIRECTS = 3;

/**
 * Downloads a result video to `dest`, refusing anything that is not from an allowed host
 * (checked again on every redirect), not a video by its Content-Type and its first bytes, or
 * larger than `maxBytes` — counted while streaming, whatever Content-Length claimed.
 */
export async function downloadVideo(args: {
  url: string;
  dest: string;
  maxBytes: number;
  isAllowed: (url: string) => boolean;
  /** The fetch to use: the studio passes one that refuses private addresses. */
  fetch?: (
    url: string,
    init: { redirect: "manual"; signal: AbortSignal },
  ) => Promise<FetchResponse>;
  timeoutMs?: number;
  /** Stops the download (and removes what it wrote), e.g. when the job's run is called off. */
  signal?: AbortSignal;
}): Promise<{ bytes: number; contentType: string }> {
  const get = args.fetch ?? fetch;
  let url = args.url;
  const timeout = AbortSignal.timeout(args.timeoutMs ?? 10 * 60_000);
  const signal = args.signal ? AbortSignal.any([args.signal, timeout]) : timeout;
  let res: FetchResponse | undefined;
  for (let hop = 0; ; hop++) {
    if (!args.isAllowed(url))
      throw new MediaError("host_refused", "The video's address is not an allowed host", true);
    try {
      res = await get(url, { redirect: "manual", signal });
    } catch (e) {
      const cause = (e as { cause?: { name?: string; message?: string } }).cause;
      if (cause?.name === "BlockedAddressError" || (e as Error).name === "BlockedAddressError") {
        throw new MediaError("host_refused", cause?.message ?? (e as Error).message, true);
      }
      throw new MediaError(
        "unreachable",
        `Could not download the video: ${(e as Error).message}`,
        false,
      );
    }
    const location = res.headers.get("location");
    if (res.status >= 300 && res.status < 400 && location) {
      await res.body?.cancel();
      if (hop >= MAX_REDIRECTS)
        throw new MediaError("too_many_redirects", "Too many redirects", true);
      url = new URL(location, url).toString();
      continue;
    }
    break;
  }
  if (res.status === 403 || res.status === 404 || res.status === 410) {
    await res.body?.cancel();
    throw new MediaError("link_expired", `The video link answered ${res.status}`, false, true);
  }
  if (!res.ok || !res.body) {
    await res.body?.cancel();
    throw new MediaError(
      "link_failed",
      `The video link answered ${res.status}`,
      res.status < 500 && res.status !== 429,
    );
  }
  const contentType =
    (res.headers.get("content-type") ?? "").split(";")[0]?.trim().toLowerCase() ?? "";
  if (!ACCEPTED_TYPES.includes(contentType)) {
    await res.body.cancel();
    throw new MediaError(
      "not_video",
      `The result is not a video (Content-Type ${contentType || "missing"})`,
      true,
    );
  }
  const declared = Number(res.headers.get("content-length") ?? "NaN");
  if (Number.isFinite(declared) && declared > args.maxBytes) {
    await res.body.cancel();
    throw new MediaError(
      "too_large",
      `The video is larger than the ${args.maxBytes}-byte limit`,
      true,
    );
  }

  let bytes = 0;
  const cap = new Transform({
    transform(chunk: Buffer, _enc, cb) {
      bytes += chunk.length;
      if (bytes > args.maxBytes)
        cb(
          new MediaError(
            "too_large",
            `The video is larger than the ${args.maxBytes}-byte limit`,
            true,
          ),
        );
      else cb(null, chunk);
    },
  });
  try {
    await pipeline(Readable.fromWeb(res.body as WebStream), cap, createWriteStream(args.dest));
  } catch (e) {
    await unlink(args.dest).catch(() => {});
    if (e instanceof MediaError) throw e;
    throw new MediaError("broken_off", `The download broke off: ${(e as Error).message}`, false);
  }
  if (Number.isFinite(declared) && declared !== bytes) {
    await unlink(args.dest).catch(() => {});
    throw new MediaError(
      "truncated",
      `The download was truncated (${bytes} of ${declared} bytes)`,
      false,
    );
  }
  if (!(await looksLikeMp4(args.dest))) {
    await unlink(args.dest).catch(() => {});
    throw new MediaError("not_mp4", "The result is not an MP4 video", true);
  }
  return { bytes, contentType: "video/mp4" };
}

// An ISO base media file starts with a box whose type is "ftyp".
async function looksLikeMp4(path: string): Promise<boolean> {
  const fh = await open(path, "r");
  try {
    const head = Buffer.alloc(12);
    const { bytesRead } = await fh.read(head, 0, 12, 0);
    return bytesRead >= 8 && head.toString("latin1", 4, 8) === "ftyp";
  } finally {
    await fh.close();
  }
}
