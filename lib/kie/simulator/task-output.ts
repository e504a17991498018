import { estimateCredits, isModelId, MODELS, type Resolution } from "../models";
import { isRecord } from "./http-io";

// What a task makes and costs, read from the createTask body it was given: the model's own
// length and size unless the body chose others, and the studio's price list for the credits
// (so the studio's estimate and the figure reported back agree, as they would for an exact list).

/** Frames of a 16:9 video at each of kie.ai's resolutions (even sides, as H.264 wants). */
const FRAMES: Record<Resolution, { width: number; height: number }> = {
  "512P": { width: 912, height: 512 },
  "768P": { width: 1366, height: 768 },
  "1080P": { width: 1920, height: 1080 },
};

export interface TaskOutput {
  model: string;
  width: number;
  height: number;
  seconds: number;
  resolution: string;
  credits: number;
}

export function taskOutput(task: { model: string; param: string }): TaskOutput {
  let input: Record<string, unknown> = {};
  try {
    const body: unknown = JSON.parse(task.param);
    if (isRecord(body) && isRecord(body.input)) input = body.input;
  } catch {
    // A task stored by an older simulator: the model's defaults.
  }
  const m = isModelId(task.model) ? MODELS[task.model] : MODELS["hailuo/02-text-to-video-pro"];
  const duration = m.durations.find((d) => d === input.duration) ?? m.defaultDuration;
  const resolution = m.resolutions.find((r) => r === input.resolution) ?? m.defaultResolution;
  return {
    model: task.model,
    ...FRAMES[resolution],
    seconds: Number(duration),
    resolution,
    credits: estimateCredits(task.model, duration, resolution),
  };
}
