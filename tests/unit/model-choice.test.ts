import { describe, expect, it } from "vitest";
import { choiceToSend, OFFERED_MODELS, settleChoice } from "@/components/studio/model-choice-rules";
import {
  checkChoice,
  DURATIONS,
  describeChoiceProblems,
  estimateCredits,
  lengthFits,
  MAX_ESTIMATED_CREDITS,
  MODEL_IDS,
  MODELS,
  RESOLUTIONS,
  storedChoice,
} from "@/lib/kie/models";

describe("credit estimates", () => {
  it("price Hailuo 02 Pro as kie.ai charged it, and every video each model makes", () => {
    expect(estimateCredits("hailuo/02-text-to-video-pro", "6", "1080P")).toBe(57);
    for (const id of MODEL_IDS) {
      const m = MODELS[id];
      const durations = m.durations.length > 0 ? m.durations : [m.defaultDuration];
      const resolutions = m.resolutions.length > 0 ? m.resolutions : [m.defaultResolution];
      for (const d of durations) {
        for (const r of resolutions) {
          if (!lengthFits(d, r)) continue;
          const credits = estimateCredits(id, d, r);
          expect(credits, `${id} ${r} ${d}s`).toBeGreaterThan(0);
          expect(credits, `${id} ${r} ${d}s`).toBeLessThanOrEqual(MAX_ESTIMATED_CREDITS);
        }
      }
    }
  });

  it("cost more for a longer or sharper video of the same model, and less on Standard", () => {
    expect(estimateCredits("hailuo/02-text-to-video-standard", "10", "768P")).toBeGreaterThan(
      estimateCredits("hailuo/02-text-to-video-standard", "6", "768P"),
    );
    expect(estimateCredits("hailuo/02-image-to-video-standard", "6", "768P")).toBeGreaterThan(
      estimateCredits("hailuo/02-image-to-video-standard", "6", "512P"),
    );
    expect(estimateCredits("hailuo/2-3-image-to-video-pro", "6", "1080P")).toBeGreaterThan(
      estimateCredits("hailuo/2-3-image-to-video-pro", "6", "768P"),
    );
    expect(estimateCredits("hailuo/02-text-to-video-standard", "6", "768P")).toBeLessThan(
      estimateCredits("hailuo/02-text-to-video-pro", "6", "1080P"),
    );
  });

  it("count what can't be made, or a model no longer known, as the dearest video", () => {
    expect(estimateCredits("hailuo/2-3-image-to-video-pro", "10", "1080P")).toBe(
      MAX_ESTIMATED_CREDITS,
    );
    expect(estimateCredits("hailuo/01-old", "6", "720P")).toBe(MAX_ESTIMATED_CREDITS);
  });
});

describe("a stored generation's choice, made again", () => {
  it("carries the length and size only where its model offers them", () => {
    expect(storedChoice("hailuo/02-text-to-video-pro", "6", "1080P")).toEqual({
      model: "hailuo/02-text-to-video-pro",
    });
    expect(storedChoice("hailuo/02-text-to-video-standard", "10", "768P")).toEqual({
      model: "hailuo/02-text-to-video-standard",
      duration: "10",
    });
    expect(storedChoice("hailuo/02-image-to-video-standard", "6", "512P")).toEqual({
      model: "hailuo/02-image-to-video-standard",
      duration: "6",
      resolution: "512P",
    });
    // Stored values the model doesn't make are left to its defaults.
    expect(storedChoice("hailuo/02-text-to-video-standard", "7", "4K")).toEqual({
      model: "hailuo/02-text-to-video-standard",
    });
  });

  it("passes its own check", () => {
    for (const id of MODEL_IDS) {
      for (const d of DURATIONS) {
        for (const r of RESOLUTIONS) {
          const choice = { ...storedChoice(id, d, r), prompt: "a fox", imageUrl: undefined };
          const checked = checkChoice({
            ...choice,
            ...(MODELS[id].start === "image" && { imageUrl: "https://files.example/a.png" }),
          });
          expect(checked.ok, `${id} ${d} ${r}`).toBe(true);
        }
      }
    }
  });
});

describe("refusals in words", () => {
  it("name the model and its limits", () => {
    const model = "hailuo/02-text-to-video-standard" as const;
    const checked = checkChoice({ model, prompt: "x".repeat(1501), resolution: "1080P" });
    expect(checked.ok).toBe(false);
    if (checked.ok) return;
    expect(describeChoiceProblems({ model, prompt: "x".repeat(1501) }, checked.problems)).toBe(
      "The prompt is 1501 characters long; hailuo/02-text-to-video-standard accepts at most 1500; " +
        "hailuo/02-text-to-video-standard makes videos at 768P only",
    );
    const late = checkChoice({
      model: "hailuo/2-3-image-to-video-pro",
      prompt: "x",
      imageUrl: "https://files.example/a.png",
      duration: "10",
      resolution: "1080P",
    });
    expect(late.ok).toBe(false);
    if (late.ok) return;
    expect(
      describeChoiceProblems(
        { model: "hailuo/2-3-image-to-video-pro", prompt: "x" },
        late.problems,
      ),
    ).toBe("kie.ai makes no 10-second video at 1080P");
  });
});

describe("the editor's model choice", () => {
  it("offers the whole family", () => {
    expect(OFFERED_MODELS).toEqual(MODEL_IDS);
  });

  it("settles anything stored into a choice the model makes", () => {
    expect(settleChoice({})).toEqual({
      model: "hailuo/02-text-to-video-pro",
      duration: "6",
      resolution: "1080P",
    });
    expect(settleChoice({ model: "hailuo/02-text-to-video-standard", duration: "10" })).toEqual({
      model: "hailuo/02-text-to-video-standard",
      duration: "10",
      resolution: "768P",
    });
    // Pro makes one length and size, whatever was stored before.
    expect(
      settleChoice({ model: "hailuo/02-text-to-video-pro", duration: "10", resolution: "512P" }),
    ).toEqual({ model: "hailuo/02-text-to-video-pro", duration: "6", resolution: "1080P" });
    expect(
      settleChoice({ model: "hailuo/2-3-image-to-video-pro", duration: "10", resolution: "1080P" }),
    ).toEqual({
      model: "hailuo/2-3-image-to-video-pro",
      duration: "6",
      resolution: "1080P",
    });
    // Unknown or corrupt: the default.
    expect(settleChoice({ model: "hailuo/03-pro" }).model).toBe("hailuo/02-text-to-video-pro");
    expect(settleChoice({ model: 42, duration: null }).model).toBe("hailuo/02-text-to-video-pro");
  });

  it("sends the length and size only where the model offers them", () => {
    expect(choiceToSend(settleChoice({}))).toEqual({ model: "hailuo/02-text-to-video-pro" });
    expect(
      choiceToSend(settleChoice({ model: "hailuo/02-text-to-video-standard", duration: "10" })),
    ).toEqual({ model: "hailuo/02-text-to-video-standard", duration: "10" });
  });
});
