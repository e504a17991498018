import { describe, expect, it } from "vitest";
import { checkImage, IMAGE_MAX_BYTES, imageShape } from "@/lib/images/image-rules";

const png = (width: number, height: number, bytes = 1000) => ({
  type: "image/png",
  bytes,
  width,
  height,
});

describe("kie.ai's rules for a start or end image", () => {
  it("take JPEG, PNG and WEBP, and say which type was refused", () => {
    for (const type of ["image/jpeg", "image/png", "image/webp"]) {
      expect(checkImage({ ...png(1280, 720), type })).toBeNull();
    }
    expect(checkImage({ ...png(1280, 720), type: "image/gif" })).toEqual({
      rule: "type",
      type: "image/gif",
    });
    expect(checkImage({ ...png(1280, 720), type: "image/heic" })).toMatchObject({ rule: "type" });
  });

  it("take at most 10 MB", () => {
    expect(checkImage(png(1280, 720, IMAGE_MAX_BYTES))).toBeNull();
    expect(checkImage(png(1280, 720, IMAGE_MAX_BYTES + 1))).toEqual({
      rule: "bytes",
      bytes: 10 * 1024 * 1024 + 1,
    });
  });

  it("need a shorter side over 300 px: 301 passes, 300 does not", () => {
    expect(checkImage(png(301, 301))).toBeNull();
    expect(checkImage(png(600, 301))).toBeNull();
    expect(checkImage(png(300, 300))).toEqual({ rule: "short_side", shortSide: 300 });
    expect(checkImage(png(301, 300))).toEqual({ rule: "short_side", shortSide: 300 });
  });

  it("take aspect ratios from 2:5 to 5:2, the edges included", () => {
    expect(checkImage(png(400, 1000))).toBeNull();
    expect(checkImage(png(1000, 400))).toBeNull();
    expect(checkImage(png(399, 1000))).toEqual({ rule: "ratio", width: 399, height: 1000 });
    expect(checkImage(png(1001, 400))).toEqual({ rule: "ratio", width: 1001, height: 400 });
  });

  it("say what shape of video an image makes", () => {
    expect(imageShape(1920, 1080)).toBe("landscape");
    expect(imageShape(720, 1280)).toBe("portrait");
    expect(imageShape(1024, 1024)).toBe("square");
  });
});
