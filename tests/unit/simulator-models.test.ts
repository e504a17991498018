import { describe, expect, it } from "vitest";
import { estimateCredits, MODEL_IDS } from "@/lib/kie/models";
import { taskOutput } from "@/lib/kie/simulator/task-output";
import { validateCreateTask } from "@/lib/kie/simulator/validate-create-task";

const image = "https://tempfile.example/start.png";
const body = (model: string, input: Record<string, unknown>) => ({
  model,
  input,
  callBackUrl: "http://127.0.0.1:3000/api/kie/callback",
});
const refusal = (model: string, input: Record<string, unknown>) => {
  const r = validateCreateTask(body(model, input));
  return r.ok ? null : r.msg;
};

describe("the simulator's createTask checks, for the whole Hailuo family", () => {
  it("accepts every model with what it needs", () => {
    for (const model of MODEL_IDS) {
      const input = model.includes("image-to-video")
        ? { prompt: "雨夜", image_url: image }
        : { prompt: "雨夜" };
      expect(refusal(model, input), model).toBeNull();
    }
    expect(refusal("hailuo/03-nothing", { prompt: "x" })).toBe(
      "model hailuo/03-nothing is not supported",
    );
  });

  it("refuses as kie.ai does: a missing image, an unknown resolution, 10 s at 1080P, a prompt too long", () => {
    expect(refusal("hailuo/02-image-to-video-pro", { prompt: "x" })).toBe(
      "input.image_url is required and must be a URL",
    );
    expect(
      refusal("hailuo/02-image-to-video-standard", {
        prompt: "x",
        image_url: image,
        resolution: "1080P",
      }),
    ).toBe("input.resolution must be one of 512P, 768P");
    expect(
      refusal("hailuo/2-3-image-to-video-pro", {
        prompt: "x",
        image_url: image,
        duration: "10",
        resolution: "1080P",
      }),
    ).toBe("10 seconds videos are not supported for 1080p resolution");
    expect(
      refusal("hailuo/2-3-image-to-video-pro", { prompt: "x", image_url: image, duration: "10" }),
    ).toBeNull();
    expect(refusal("hailuo/02-text-to-video-pro", { prompt: "x".repeat(1501) })).toBe(
      "input.prompt must be at most 1500 characters",
    );
    expect(
      refusal("hailuo/2-3-image-to-video-standard", { prompt: "x".repeat(5000), image_url: image }),
    ).toBeNull();
    expect(
      refusal("hailuo/2-3-image-to-video-standard", { prompt: "x".repeat(5001), image_url: image }),
    ).toBe("input.prompt must be at most 5000 characters");
  });
});

describe("what a simulated task makes and costs", () => {
  const output = (model: string, input: Record<string, unknown>) =>
    taskOutput({ model, param: JSON.stringify(body(model, input)) });

  it("is the model's own size and length unless the body chose others", () => {
    expect(output("hailuo/02-text-to-video-pro", { prompt: "x" })).toEqual({
      model: "hailuo/02-text-to-video-pro",
      width: 1920,
      height: 1080,
      seconds: 6,
      resolution: "1080P",
      credits: 57,
    });
    expect(
      output("hailuo/02-text-to-video-standard", { prompt: "x", duration: "10" }),
    ).toMatchObject({ width: 1366, height: 768, seconds: 10, resolution: "768P" });
    expect(
      output("hailuo/02-image-to-video-standard", {
        prompt: "x",
        image_url: image,
        resolution: "512P",
      }),
    ).toMatchObject({ width: 912, height: 512, seconds: 10 });
  });

  it("costs what the studio's price list says, so the estimate and the report agree", () => {
    const made = output("hailuo/2-3-image-to-video-pro", {
      prompt: "x",
      image_url: image,
      resolution: "1080P",
    });
    expect(made.credits).toBe(estimateCredits("hailuo/2-3-image-to-video-pro", "6", "1080P"));
  });

  it("falls back to the model's defaults for a body it can't read", () => {
    expect(taskOutput({ model: "hailuo/02-text-to-video-pro", param: "{" })).toMatchObject({
      width: 1920,
      seconds: 6,
    });
  });
});
