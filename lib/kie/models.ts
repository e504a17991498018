/**
 * The Hailuo family as kie.ai serves it through createTask: which inputs each model takes, its
 * limits and its defaults (kie.ai's model pages). The one place the models are written; the
 * editor, the server's checks and the simulator read them from here.
 */

export const DURATIONS = ["6", "10"] as const;
export type Duration = (typeof DURATIONS)[number];

export const RESOLUTIONS = ["512P", "768P", "1080P"] as const;
export type Resolution = (typeof RESOLUTIONS)[number];

export const MODEL_IDS = [
  "hailuo/02-text-to-video-pro",
  "hailuo/02-text-to-video-standard",
  "hailuo/02-image-to-video-pro",
  "hailuo/02-image-to-video-standard",
  "hailuo/2-3-image-to-video-pro",
  "hailuo/2-3-image-to-video-standard",
] as const;
export type ModelId = (typeof MODEL_IDS)[number];

/** The studio's model when nothing else is chosen: the product's origin. */
export const DEFAULT_MODEL: ModelId = "hailuo/02-text-to-video-pro";

export interface HailuoModel {
  id: ModelId;
  version: "02" | "2.3";
  tier: "pro" | "standard";
  /** What the video starts from: the prompt alone, or an image (with the prompt). */
  start: "text" | "image";
  /** The prompt's limit in UTF-16 code units, as kie.ai counts. */
  promptMax: number;
  /** Takes `prompt_optimizer`. */
  optimizer: boolean;
  /** Takes `nsfw_checker` (kie.ai's content filter; off unless sent as true). */
  contentFilter: boolean;
  /** Takes `end_image_url`, the video's last frame. */
  endImage: boolean;
  /** The lengths that can be asked for, with the default; one fixed length when none. */
  durations: readonly Duration[];
  defaultDuration: Duration;
  /** The sizes that can be asked for, with the default; one fixed size when none. */
  resolutions: readonly Resolution[];
  defaultResolution: Resolution;
}

const model = (m: HailuoModel) => m;

export const MODELS: Record<ModelId, HailuoModel> = {
  "hailuo/02-text-to-video-pro": model({
    id: "hailuo/02-text-to-video-pro",
    version: "02",
    tier: "pro",
    start: "text",
    promptMax: 1500,
    optimizer: true,
    contentFilter: true,
    endImage: false,
    durations: [],
    defaultDuration: "6",
    resolutions: [],
    defaultResolution: "1080P",
  }),
  "hailuo/02-text-to-video-standard": model({
    id: "hailuo/02-text-to-video-standard",
    version: "02",
    tier: "standard",
    start: "text",
    promptMax: 1500,
    optimizer: true,
    contentFilter: true,
    endImage: false,
    durations: ["6", "10"],
    defaultDuration: "6",
    resolutions: [],
    defaultResolution: "768P",
  }),
  "hailuo/02-image-to-video-pro": model({
    id: "hailuo/02-image-to-video-pro",
    version: "02",
    tier: "pro",
    start: "image",
    promptMax: 1500,
    optimizer: true,
    contentFilter: true,
    endImage: true,
    durations: [],
    defaultDuration: "6",
    resolutions: [],
    defaultResolution: "1080P",
  }),
  "hailuo/02-image-to-video-standard": model({
    id: "hailuo/02-image-to-video-standard",
    version: "02",
    tier: "standard",
    start: "image",
    promptMax: 1500,
    optimizer: true,
    contentFilter: true,
    endImage: true,
    durations: ["6", "10"],
    defaultDuration: "10",
    resolutions: ["512P", "768P"],
    defaultResolution: "768P",
  }),
  "hailuo/2-3-image-to-video-pro": model({
    id: "hailuo/2-3-image-to-video-pro",
    version: "2.3",
    tier: "pro",
    start: "image",
    promptMax: 5000,
    optimizer: false,
    contentFilter: true,
    endImage: false,
    durations: ["6", "10"],
    defaultDuration: "6",
    resolutions: ["768P", "1080P"],
    defaultResolution: "768P",
  }),
  "hailuo/2-3-image-to-video-standard": model({
    id: "hailuo/2-3-image-to-video-standard",
    version: "2.3",
    tier: "standard",
    start: "image",
    promptMax: 5000,
    optimizer: false,
    contentFilter: false,
    endImage: false,
    durations: ["6", "10"],
    defaultDuration: "6",
    resolutions: ["768P", "1080P"],
    defaultResolution: "768P",
  }),
};

export function isModelId(value: unknown): value is ModelId {
  return typeof value === "string" && (MODEL_IDS as readonly string[]).includes(value);
}

/** kie.ai makes no 10-second video at 1080P. */
export function lengthFits(duration: Duration, resolution: Resolution): boolean {
  return !(duration === "10" && resolution === "1080P");
}

/** What a person chose for one generation, before it is checked against its model. */
export interface GenerationChoice {
  model: ModelId;
  prompt: string;
  promptOptimizer?: boolean;
  contentFilter?: boolean;
  duration?: Duration;
  resolution?: Resolution;
  imageUrl?: string;
  endImageUrl?: string;
}

export type ChoiceProblem =
  | "prompt_empty"
  | "prompt_too_long"
  | "image_required"
  | "no_image"
  | "no_end_image"
  | "no_optimizer"
  | "duration"
  | "resolution"
  | "too_long_at_1080p";

/** The createTask `input` kie.ai takes for a model (its field names, its string values). */
export type ModelInput = Record<string, string | boolean>;

/**
 * A choice checked against its model: the createTask input, with the model's defaults where the
 * choice leaves them open, or each field that can't be used and why. Never trusts the form: an
 * option the model doesn't take is refused, not dropped.
 */
export function checkChoice(
  choice: GenerationChoice,
):
  | { ok: true; input: ModelInput; duration: Duration; resolution: Resolution }
  | { ok: false; problems: Partial<Record<keyof GenerationChoice, ChoiceProblem>> } {
  const m = MODELS[choice.model];
  const problems: Partial<Record<keyof GenerationChoice, ChoiceProblem>> = {};
  if (choice.prompt.trim() === "") problems.prompt = "prompt_empty";
  else if (choice.prompt.length > m.promptMax) problems.prompt = "prompt_too_long";
  if (m.start === "image" && !choice.imageUrl) problems.imageUrl = "image_required";
  if (m.start === "text" && choice.imageUrl) problems.imageUrl = "no_image";
  if (choice.endImageUrl && !m.endImage) problems.endImageUrl = "no_end_image";
  if (choice.promptOptimizer !== undefined && !m.optimizer)
    problems.promptOptimizer = "no_optimizer";
  if (choice.duration !== undefined && !m.durations.includes(choice.duration)) {
    problems.duration = "duration";
  }
  if (choice.resolution !== undefined && !m.resolutions.includes(choice.resolution)) {
    problems.resolution = "resolution";
  }
  const duration = choice.duration ?? m.defaultDuration;
  const resolution = choice.resolution ?? m.defaultResolution;
  if (!problems.duration && !problems.resolution && !lengthFits(duration, resolution)) {
    problems.duration = "too_long_at_1080p";
  }
  if (Object.keys(problems).length > 0) return { ok: false, problems };

  const input: ModelInput = { prompt: choice.prompt };
  if (m.optimizer) input.prompt_optimizer = choice.promptOptimizer ?? true;
  if (m.contentFilter && choice.contentFilter) input.nsfw_checker = true;
  if (choice.imageUrl) input.image_url = choice.imageUrl;
  if (choice.endImageUrl) input.end_image_url = choice.endImageUrl;
  if (m.durations.length > 0) input.duration = duration;
  if (m.resolutions.length > 0) input.resolution = resolution;
  return { ok: true, input, duration, resolution };
}
