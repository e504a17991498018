import { randomBytes } from "node:crypto";
import { extensionFor } from "./detect-mime-type";

// kie.ai files an upload under `uploadPath/fileName`. Both become parts of the download link's
// path, so each part must be a plain name: no empty parts, no "." or "..", no control characters.

const maxNameLength = 255;
const maxPathLength = 1024;

function isPlainName(part: string): boolean {
  return (
    part.length > 0 &&
    part.length <= maxNameLength &&
    part !== "." &&
    part !== ".." &&
    !/[\p{Cc}/\\]/u.test(part)
  );
}

/** The folder as kie.ai keeps it, without leading or trailing slashes; null when unusable. */
export function normalizeUploadPath(raw: string): string | null {
  const path = raw.trim().replace(/^\/+|\/+$/g, "");
  if (path === "" || path.length > maxPathLength) return null;
  return path.split("/").every(isPlainName) ? path : null;
}

export function isValidFileName(name: string): boolean {
  return isPlainName(name);
}

/** What kie.ai does without a fileName: a fresh name, with the extension the content calls for. */
export function randomFileName(mimeType: string): string {
  return `${Date.now()}-${randomBytes(6).toString("hex")}.${extensionFor(mimeType)}`;
}

/** A URL upload keeps the name at the end of its URL when that is a usable file name. */
export function fileNameFromUrl(url: URL): string | null {
  const last = url.pathname.split("/").pop() ?? "";
  try {
    const name = decodeURIComponent(last);
    return isPlainName(name) && name.includes(".") ? name : null;
  } catch {
    return null;
  }
}

/** Splits a link's path back into the upload's filePath, or null when it names no valid file. */
export function filePathFromSegments(segments: string[]): string | null {
  try {
    const parts = segments.map((s) => decodeURIComponent(s));
    return parts.length >= 2 && parts.every(isPlainName) ? parts.join("/") : null;
  } catch {
    return null;
  }
}
