import "server-only";
import { imageSize } from "image-size";
import type { ImageFacts } from "@/lib/images/image-rules";

/** The type the bytes are, by their signature; what a browser or file name claims is not trusted. */
export function sniffImageType(bytes: Uint8Array): string {
  const at = (i: number, ...sig: number[]) => sig.every((b, j) => bytes[i + j] === b);
  if (at(0, 0xff, 0xd8, 0xff)) return "image/jpeg";
  if (at(0, 0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a)) return "image/png";
  if (at(0, 0x52, 0x49, 0x46, 0x46) && at(8, 0x57, 0x45, 0x42, 0x50)) return "image/webp";
  if (at(0, 0x47, 0x49, 0x46, 0x38)) return "image/gif";
  return "application/octet-stream";
}

/**
 * An uploaded image's type, size and dimensions as it is shown: a JPEG whose EXIF orientation
 * turns it a quarter counts with its sides swapped. Null when its dimensions can't be read.
 */
export function readImage(bytes: Uint8Array): ImageFacts | null {
  const type = sniffImageType(bytes);
  try {
    // An exact copy: image-size reads the view's whole underlying buffer, which for a small body
    // is a slice of a shared pool holding other bytes.
    const size = imageSize(Uint8Array.prototype.slice.call(bytes));
    if (!size.width || !size.height) return null;
    // EXIF orientations 5 to 8 are the quarter turns.
    const turned = size.orientation !== undefined && size.orientation >= 5;
    return {
      type,
      bytes: bytes.byteLength,
      width: turned ? size.height : size.width,
      height: turned ? size.width : size.height,
    };
  } catch {
    return null;
  }
}
