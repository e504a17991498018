// The pixel size of a still image, read from its header, for the formats kie.ai takes as a
// video's start or end image (JPEG, PNG, WEBP). Null when the bytes are not one of them or the
// header is cut short.

export interface ImageSize {
  width: number;
  height: number;
}

function sized(width: number, height: number): ImageSize | null {
  return width > 0 && height > 0 ? { width, height } : null;
}

function pngSize(b: Buffer): ImageSize | null {
  if (b.length < 24 || b.toString("latin1", 12, 16) !== "IHDR") return null;
  return sized(b.readUInt32BE(16), b.readUInt32BE(20));
}

function webpSize(b: Buffer): ImageSize | null {
  const chunk = b.toString("latin1", 12, 16);
  if (chunk === "VP8 " && b.length >= 30) {
    // A lossy key frame: start code, then 14-bit width and height.
    if (b[23] !== 0x9d || b[24] !== 0x01 || b[25] !== 0x2a) return null;
    return sized(b.readUInt16LE(26) & 0x3fff, b.readUInt16LE(28) & 0x3fff);
  }
  if (chunk === "VP8L" && b.length >= 25) {
    if (b[20] !== 0x2f) return null;
    const bits = b.readUInt32LE(21);
    return sized((bits & 0x3fff) + 1, ((bits >> 14) & 0x3fff) + 1);
  }
  if (chunk === "VP8X" && b.length >= 30) {
    return sized(b.readUIntLE(24, 3) + 1, b.readUIntLE(27, 3) + 1);
  }
  return null;
}

// Start-of-frame markers carry the size; C4 (Huffman tables), C8 and CC (arithmetic coding
// tables) share the range but are not frames.
const notFrames = new Set([0xc4, 0xc8, 0xcc]);

function jpegSize(b: Buffer): ImageSize | null {
  let at = 2;
  while (at + 9 <= b.length) {
    if (b[at] !== 0xff) return null;
    const marker = b[at + 1] ?? 0;
    if (marker === 0xff) {
      at++;
      continue;
    }
    // Markers without a length: TEM and the restart markers.
    if (marker === 0x01 || (marker >= 0xd0 && marker <= 0xd7)) {
      at += 2;
      continue;
    }
    if (marker >= 0xc0 && marker <= 0xcf && !notFrames.has(marker)) {
      return sized(b.readUInt16BE(at + 7), b.readUInt16BE(at + 5));
    }
    at += 2 + b.readUInt16BE(at + 2);
  }
  return null;
}

export function measureImage(bytes: Uint8Array, mimeType: string): ImageSize | null {
  const b = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (mimeType === "image/png") return pngSize(b);
  if (mimeType === "image/webp") return webpSize(b);
  if (mimeType === "image/jpeg") return jpegSize(b);
  return null;
}
