/**
 * What kie.ai takes as a start or end image (its image-to-video pages): JPEG, PNG or WEBP, at most
 * 10 MB, a shorter side over 300 px and an aspect ratio between 2:5 and 5:2. Checked in the browser
 * before anything is sent, and again on the server before anything is stored or spent.
 */

export const IMAGE_TYPES = ["image/jpeg", "image/png", "image/webp"] as const;
export type ImageType = (typeof IMAGE_TYPES)[number];

export const IMAGE_MAX_BYTES = 10 * 1024 * 1024;
/** The shorter side must be longer than this. */
export const IMAGE_SHORT_SIDE_OVER = 300;
/** Width ÷ height, inclusive: 2:5 (tall) to 5:2 (wide). */
export const IMAGE_RATIO_MIN = 2 / 5;
export const IMAGE_RATIO_MAX = 5 / 2;

export interface ImageFacts {
  /** The type the bytes are (or the browser says they are). */
  type: string;
  bytes: number;
  /** As shown: a photo turned by its EXIF orientation counts turned. */
  width: number;
  height: number;
}

/** The first rule an image breaks, with its own figure, or null when kie.ai would take it. */
export type ImageProblem =
  | { rule: "type"; type: string }
  | { rule: "bytes"; bytes: number }
  | { rule: "short_side"; shortSide: number }
  | { rule: "ratio"; width: number; height: number };

export function isImageType(type: string): type is ImageType {
  return (IMAGE_TYPES as readonly string[]).includes(type);
}

export function checkImage(image: ImageFacts): ImageProblem | null {
  if (!isImageType(image.type)) return { rule: "type", type: image.type };
  if (image.bytes > IMAGE_MAX_BYTES) return { rule: "bytes", bytes: image.bytes };
  const shortSide = Math.min(image.width, image.height);
  if (!(shortSide > IMAGE_SHORT_SIDE_OVER)) return { rule: "short_side", shortSide };
  // Compared as whole-number products, so 2:5 exactly passes however it is rounded.
  const { width, height } = image;
  if (width * 5 < height * 2 || width * 2 > height * 5) return { rule: "ratio", width, height };
  return null;
}

/** What a start image of this size makes: the video takes its shape. */
export function imageShape(width: number, height: number): "landscape" | "portrait" | "square" {
  if (width === height) return "square";
  return width > height ? "landscape" : "portrait";
}
