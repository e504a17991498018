import { describe, expect, it } from "vitest";
import {
  checkChoice,
  DEFAULT_MODEL,
  isModelId,
  lengthFits,
  MODEL_IDS,
  MODELS,
} from "@/lib/kie/models";

const image = "https://tempfile.example/start.png";

describe("the Hailuo models", () => {
  it("are six, each written once under its own id, Hailuo 02 Pro text-to-video the default", () => {
    expect(MODEL_IDS).toHaveLength(6);
    for (const id of MODEL_IDS) expect(MODELS[id].id).toBe(id);
    expect(DEFAULT_MODEL).toBe("hailuo/02-text-to-video-pro");
    expect(isModelId("hailuo/02-text-to-video-pro")).toBe(true);
    expect(isModelId("hailuo/03-anything")).toBe(false);
  });

  it("hold their prompt limits: 1500 for Hailuo 02, 5000 for 2.3", () => {
    const at = (model: (typeof MODEL_IDS)[number], length: number, imageUrl?: string) =>
      checkChoice({ model, prompt: "字".repeat(length), imageUrl }).ok;
    expect(at("hailuo/02-text-to-video-pro", 1500)).toBe(true);
    expect(at("hailuo/02-text-to-video-pro", 1501)).toBe(false);
    expect(at("hailuo/2-3-image-to-video-pro", 5000, image)).toBe(true);
    expect(at("hailuo/2-3-image-to-video-pro", 5001, image)).toBe(false);
  });

  it("fill in each model's defaults and send only the fields it takes", () => {
    expect(checkChoice({ model: "hailuo/02-text-to-video-pro", prompt: "雨夜" })).toEqual({
      ok: true,
      input: { prompt: "雨夜", prompt_optimizer: true },
      duration: "6",
      resolution: "1080P",
    });
    expect(
      checkChoice({
        model: "hailuo/02-image-to-video-standard",
        prompt: "a kite",
        imageUrl: image,
      }),
    ).toMatchObject({
      ok: true,
      input: { duration: "10", resolution: "768P", image_url: image },
    });
    const v23 = checkChoice({
      model: "hailuo/2-3-image-to-video-standard",
      prompt: "a kite",
      imageUrl: image,
      contentFilter: true,
    });
    // 2.3 Standard takes no optimizer and no content filter: neither is sent.
    expect(v23).toMatchObject({ ok: true, input: { duration: "6", resolution: "768P" } });
    if (v23.ok)
      expect(Object.keys(v23.input).sort()).toEqual(
        ["duration", "image_url", "prompt", "resolution"].sort(),
      );
  });

  it("refuse what a model does not take, rather than drop it", () => {
    expect(
      checkChoice({ model: "hailuo/02-text-to-video-pro", prompt: "x", duration: "10" }),
    ).toEqual({ ok: false, problems: { duration: "duration" } });
    expect(
      checkChoice({ model: "hailuo/02-text-to-video-standard", prompt: "x", imageUrl: image }),
    ).toEqual({ ok: false, problems: { imageUrl: "no_image" } });
    expect(checkChoice({ model: "hailuo/02-image-to-video-pro", prompt: "x" })).toEqual({
      ok: false,
      problems: { imageUrl: "image_required" },
    });
    expect(
      checkChoice({
        model: "hailuo/2-3-image-to-video-pro",
        prompt: "x",
        imageUrl: image,
        endImageUrl: image,
        promptOptimizer: false,
        resolution: "512P",
      }),
    ).toEqual({
      ok: false,
      problems: {
        endImageUrl: "no_end_image",
        promptOptimizer: "no_optimizer",
        resolution: "resolution",
      },
    });
  });

  it("make no 10-second video at 1080P, whether chosen or by default", () => {
    expect(lengthFits("10", "1080P")).toBe(false);
    expect(lengthFits("6", "1080P")).toBe(true);
    expect(lengthFits("10", "768P")).toBe(true);
    const pro23 = { model: "hailuo/2-3-image-to-video-pro", prompt: "x", imageUrl: image } as const;
    expect(checkChoice({ ...pro23, duration: "10", resolution: "1080P" })).toEqual({
      ok: false,
      problems: { duration: "too_long_at_1080p" },
    });
    expect(checkChoice({ ...pro23, duration: "10" })).toMatchObject({
      ok: true,
      input: { duration: "10", resolution: "768P" },
    });
    expect(checkChoice({ ...pro23, resolution: "1080P" })).toMatchObject({
      ok: true,
      input: { duration: "6", resolution: "1080P" },
    });
  });
});
