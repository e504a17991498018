import type { SimulatorContext } from "./context";
import { isOwnUrl } from "./own-url";
import { signUpload, verifyUploadSignature } from "./signing";
import { filePathFromSegments } from "./upload-names";
import type { UploadRecord } from "./upload-store";

// An uploaded file's download link, in the shape of kie.ai's tempfile host
// (`https://tempfile.redpandaai.co/…/<uploadPath>/<fileName>`), signed and expiring with the upload:
// <base>/tempfile/<uploadPath>/<fileName>?expires=<ms since the epoch>&sig=<HMAC>.

export const uploadLinkPrefix = "/tempfile/";

export function uploadLink(ctx: SimulatorContext, record: UploadRecord): string {
  const path = record.filePath.split("/").map(encodeURIComponent).join("/");
  const sig = signUpload({
    filePath: record.filePath,
    expires: record.expiresAt,
    secret: ctx.store.urlSecret,
  });
  return `${ctx.baseUrl()}${uploadLinkPrefix}${path}?expires=${record.expiresAt}&sig=${sig}`;
}

/**
 * The upload a link of ours leads to; null when the link is forged or has expired, or the
 * upload has (a deleted file on kie.ai).
 */
export function findLinkedUpload(
  ctx: SimulatorContext,
  url: URL,
  now: number,
): UploadRecord | null {
  if (!url.pathname.startsWith(uploadLinkPrefix)) return null;
  const filePath = filePathFromSegments(url.pathname.slice(uploadLinkPrefix.length).split("/"));
  const expires = Number(url.searchParams.get("expires"));
  const sig = url.searchParams.get("sig") ?? "";
  if (filePath === null || !Number.isSafeInteger(expires) || expires <= now) return null;
  if (!verifyUploadSignature({ filePath, expires, sig, secret: ctx.store.urlSecret })) return null;
  const record = ctx.uploads.current(filePath);
  return record && record.expiresAt > now ? record : null;
}

/** True for a URL that points into this simulator's own upload store. */
export function isOwnUploadLink(ctx: SimulatorContext, url: URL): boolean {
  return isOwnUrl(ctx, url) && url.pathname.startsWith(uploadLinkPrefix);
}
