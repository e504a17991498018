import { estimateCredits, isModelId, MODELS, type Resolution } from "../models";
import type { TaskImages } from "./task-images";
import { taskInput } from "./task-input";

// What a task makes and costs, read from the createTask body it was given: the model's own
// length and size unless the body chose others, and the studio's price list for the credits
// (so the studio's estimate and the figure reported back agree, as they would for an exact list).
// An image-to-video task's frame takes its start image's shape.

/** Frames of a 16:9 video at each of kie.ai's resolutions (even sides, as H.264 wants). */
const FRAMES: Record<Resolution, { width: number; height: number }> = {
  "512P": { width: 912, height: 512 },
  "768P": { width: 1366, height: 768 },
  "1080P": { width: 1920, height: 1080 },
};

// MiniMax takes start images between 2:5 and 5:2; a stranger shape is cropped to the nearest.
const widestRatio = 5 / 2;

export interface TaskOutput {
  model: string;
  width: number;
  height: number;
  seconds: number;
  resolution: string;
  credits: number;
  /** The images the video starts and ends with; absent when it is made from the prompt alone. */
  images?: TaskImages;
}

const even = (n: number) => 2 * Math.round(n / 2);

/**
 * The frame for a start image of this size: the image's shape, the resolution's number as its
 * short side (a 9:16 image at 768P makes 768×1366, a square one at 1080P 1080×1080). A 16:9
 * image, either way up, gets exactly the frame text-to-video makes.
 */
export function imageFrame(
  resolution: Resolution,
  image: { width: number; height: number },
): { width: number; height: number } {
  const landscape = FRAMES[resolution];
  const ratio = Math.min(widestRatio, Math.max(1 / widestRatio, image.width / image.height));
  const long = Math.max(ratio, 1 / ratio);
  const short = landscape.height;
  const longSide = Math.abs(long - 16 / 9) < 0.01 ? landscape.width : even(short * long);
  return ratio >= 1 ? { width: longSide, height: short } : { width: short, height: longSide };
}

export function taskOutput(
  task: { model: string; param: string },
  images?: TaskImages | null,
): TaskOutput {
  const input = taskInput(task);
  const m = isModelId(task.model) ? MODELS[task.model] : MODELS["hailuo/02-text-to-video-pro"];
  const duration = m.durations.find((d) => d === input.duration) ?? m.defaultDuration;
  const resolution = m.resolutions.find((r) => r === input.resolution) ?? m.defaultResolution;
  return {
    model: task.model,
    ...(images ? imageFrame(resolution, images.start) : FRAMES[resolution]),
    seconds: Number(duration),
    resolution,
    credits: estimateCredits(task.model, duration, resolution),
    ...(images ? { images } : {}),
  };
}
