import { describe, expect, it } from "vitest";
import { detectMimeType, extensionFor } from "@/lib/kie/simulator/detect-mime-type";
import { measureImage } from "@/lib/kie/simulator/measure-image";
import { imageFrame, taskOutput } from "@/lib/kie/simulator/task-output";
import {
  fileNameFromUrl,
  filePathFromSegments,
  normalizeUploadPath,
} from "@/lib/kie/simulator/upload-names";

// What the simulator reads from uploaded bytes (type and size), how it files an upload, and the
// frame an image-to-video task gets from its start image.

const bytes = (...parts: (number[] | string)[]) =>
  Buffer.concat(
    parts.map((p) => (typeof p === "string" ? Buffer.from(p, "latin1") : Buffer.from(p))),
  );

const u32be = (n: number) => [(n >>> 24) & 255, (n >>> 16) & 255, (n >>> 8) & 255, n & 255];
const u16be = (n: number) => [(n >> 8) & 255, n & 255];
const u16le = (n: number) => [n & 255, (n >> 8) & 255];
const u24le = (n: number) => [n & 255, (n >> 8) & 255, (n >> 16) & 255];

const png = (w: number, h: number) =>
  bytes(
    [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a],
    u32be(13),
    "IHDR",
    u32be(w),
    u32be(h),
    [8, 2, 0, 0, 0],
  );

// SOI, an APP0 segment to skip, then a baseline frame header.
const jpeg = (w: number, h: number) =>
  bytes(
    [0xff, 0xd8],
    [0xff, 0xe0],
    u16be(16),
    "JFIF\0",
    new Array(9).fill(0),
    [0xff, 0xc0],
    u16be(17),
    [8],
    u16be(h),
    u16be(w),
    [3],
  );

const webpLossy = (w: number, h: number) =>
  bytes(
    "RIFF",
    [0, 0, 0, 0],
    "WEBP",
    "VP8 ",
    [0, 0, 0, 0],
    [0, 0, 0],
    [0x9d, 0x01, 0x2a],
    u16le(w),
    u16le(h),
  );

const webpLossless = (w: number, h: number) => {
  const bits = (w - 1) | ((h - 1) << 14);
  return bytes(
    "RIFF",
    [0, 0, 0, 0],
    "WEBP",
    "VP8L",
    [0, 0, 0, 0],
    [0x2f],
    [bits & 255, (bits >> 8) & 255, (bits >> 16) & 255, (bits >>> 24) & 255],
  );
};

const webpExtended = (w: number, h: number) =>
  bytes(
    "RIFF",
    [0, 0, 0, 0],
    "WEBP",
    "VP8X",
    [10, 0, 0, 0],
    [0, 0, 0, 0],
    u24le(w - 1),
    u24le(h - 1),
  );

describe("an upload's type and an image's size, read from the bytes", () => {
  it("knows the common types by their magic numbers, and nothing else", () => {
    expect(detectMimeType(png(1, 1))).toBe("image/png");
    expect(detectMimeType(jpeg(1, 1))).toBe("image/jpeg");
    expect(detectMimeType(webpLossy(1, 1))).toBe("image/webp");
    expect(detectMimeType(bytes("GIF89a", [1, 0, 1, 0]))).toBe("image/gif");
    expect(detectMimeType(bytes([0, 0, 0, 0x20], "ftypisom", [0, 0, 2, 0]))).toBe("video/mp4");
    expect(detectMimeType(bytes("<!doctype html>"))).toBe("application/octet-stream");
    expect(detectMimeType(Buffer.alloc(0))).toBe("application/octet-stream");
    expect(extensionFor("image/jpeg")).toBe("jpg");
    expect(extensionFor("application/octet-stream")).toBe("bin");
  });

  it("measures PNG, JPEG and every kind of WEBP", () => {
    expect(measureImage(png(720, 1280), "image/png")).toEqual({ width: 720, height: 1280 });
    expect(measureImage(jpeg(1024, 768), "image/jpeg")).toEqual({ width: 1024, height: 768 });
    expect(measureImage(webpLossy(800, 600), "image/webp")).toEqual({ width: 800, height: 600 });
    expect(measureImage(webpLossless(640, 1138), "image/webp")).toEqual({
      width: 640,
      height: 1138,
    });
    expect(measureImage(webpExtended(4000, 3000), "image/webp")).toEqual({
      width: 4000,
      height: 3000,
    });
  });

  it("gives no size for a cut-short header or a type it does not take", () => {
    expect(measureImage(png(720, 1280).subarray(0, 20), "image/png")).toBeNull();
    expect(measureImage(jpeg(10, 10).subarray(0, 12), "image/jpeg")).toBeNull();
    expect(measureImage(png(0, 10), "image/png")).toBeNull();
    expect(measureImage(bytes("GIF89a", [1, 0, 1, 0]), "image/gif")).toBeNull();
  });
});

describe("where an upload is filed", () => {
  it("keeps uploadPath without outer slashes and refuses paths that climb or are empty", () => {
    expect(normalizeUploadPath("/images/user-uploads/")).toBe("images/user-uploads");
    expect(normalizeUploadPath("images")).toBe("images");
    expect(normalizeUploadPath("images/../secrets")).toBeNull();
    expect(normalizeUploadPath("images//x")).toBeNull();
    expect(normalizeUploadPath("  ")).toBeNull();
  });

  it("takes a URL upload's name from its URL when it is a file name", () => {
    expect(fileNameFromUrl(new URL("https://cdn.example/a/b/photo%201.jpg?x=1"))).toBe(
      "photo 1.jpg",
    );
    expect(fileNameFromUrl(new URL("https://cdn.example/a/b/"))).toBeNull();
    expect(fileNameFromUrl(new URL("https://cdn.example/download"))).toBeNull();
  });

  it("reads a link's path back into the filePath it was made from", () => {
    expect(filePathFromSegments(["images", "my%20photo.png"])).toBe("images/my photo.png");
    expect(filePathFromSegments(["images", "%2E%2E", "x.png"])).toBeNull();
    expect(filePathFromSegments(["x.png"])).toBeNull();
    expect(filePathFromSegments(["images", "%E0%A4%A"])).toBeNull();
  });
});

describe("the frame of an image-to-video task", () => {
  it("takes the start image's shape, with the resolution as its short side", () => {
    expect(imageFrame("768P", { width: 720, height: 1280 })).toEqual({ width: 768, height: 1366 });
    expect(imageFrame("768P", { width: 1280, height: 720 })).toEqual({ width: 1366, height: 768 });
    expect(imageFrame("1080P", { width: 1024, height: 1024 })).toEqual({
      width: 1080,
      height: 1080,
    });
    expect(imageFrame("512P", { width: 1920, height: 1080 })).toEqual({ width: 912, height: 512 });
    expect(imageFrame("512P", { width: 1024, height: 768 })).toEqual({ width: 682, height: 512 });
    expect(imageFrame("768P", { width: 3, height: 4 })).toEqual({ width: 768, height: 1024 });
  });

  it("keeps both sides even, and crops shapes past 2:5 or 5:2 to those", () => {
    const odd = imageFrame("1080P", { width: 1001, height: 1500 });
    expect((odd.width % 2) + (odd.height % 2)).toBe(0);
    expect(imageFrame("768P", { width: 100, height: 1000 })).toEqual({ width: 768, height: 1920 });
    expect(imageFrame("512P", { width: 4000, height: 400 })).toEqual({ width: 1280, height: 512 });
  });

  it("follows the start image in taskOutput, and stays 16:9 without one", () => {
    const model = "hailuo/2-3-image-to-video-pro";
    const task = {
      model,
      param: JSON.stringify({
        model,
        input: { prompt: "x", image_url: "https://x/a.png", resolution: "1080P" },
      }),
    };
    const start = { path: "/tmp/start", sha256: "a".repeat(64), width: 1024, height: 1024 };
    const images = { start, end: null };
    expect(taskOutput(task, images)).toMatchObject({
      width: 1080,
      height: 1080,
      seconds: 6,
      images,
    });
    expect(taskOutput(task)).toMatchObject({ width: 1920, height: 1080 });
    expect(taskOutput(task)).not.toHaveProperty("images");
  });
});
