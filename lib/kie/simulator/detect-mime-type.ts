// kie.ai reports an upload's type from its content, not from the name it was given; so does the
// simulator, by the first bytes of the file.

const extensions: Record<string, string> = {
  "image/jpeg": "jpg",
  "image/png": "png",
  "image/gif": "gif",
  "image/webp": "webp",
  "image/bmp": "bmp",
  "image/avif": "avif",
  "video/mp4": "mp4",
  "video/quicktime": "mov",
  "video/webm": "webm",
  "application/pdf": "pdf",
  "application/octet-stream": "bin",
};

function startsWith(bytes: Uint8Array, signature: readonly number[], at = 0): boolean {
  return signature.every((byte, i) => bytes[at + i] === byte);
}

function ascii(bytes: Uint8Array, start: number, end: number): string {
  return Buffer.from(bytes.subarray(start, end)).toString("latin1");
}

/** ISO media files (MP4, MOV, AVIF) name their kind in the "ftyp" box's major brand. */
function isoMediaType(bytes: Uint8Array): string | null {
  if (ascii(bytes, 4, 8) !== "ftyp") return null;
  const brand = ascii(bytes, 8, 12);
  if (brand === "avif" || brand === "avis") return "image/avif";
  if (brand === "qt  ") return "video/quicktime";
  return "video/mp4";
}

export function detectMimeType(bytes: Uint8Array): string {
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return "image/jpeg";
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return "image/png";
  if (ascii(bytes, 0, 6) === "GIF87a" || ascii(bytes, 0, 6) === "GIF89a") return "image/gif";
  if (ascii(bytes, 0, 4) === "RIFF" && ascii(bytes, 8, 12) === "WEBP") return "image/webp";
  if (ascii(bytes, 0, 2) === "BM" && bytes.length >= 26) return "image/bmp";
  if (startsWith(bytes, [0x1a, 0x45, 0xdf, 0xa3])) return "video/webm";
  if (ascii(bytes, 0, 5) === "%PDF-") return "application/pdf";
  return isoMediaType(bytes) ?? "application/octet-stream";
}

/** The usual file extension for a type this module detects, without the dot. */
export function extensionFor(mimeType: string): string {
  return extensions[mimeType] ?? "bin";
}
