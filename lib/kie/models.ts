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

/**
 * The studio's price list, in kie.ai credits per video, by model, size and length: counted for a
 * generation until kie.ai reports what it charged (`creditsConsumed`), which then replaces it.
 * Hailuo 02 Pro at 1080P is what kie.ai charged in June 2026 (57 credits, about US$0.285); the
 * others are scaled from it by the ratios between MiniMax's own prices for the same model, size
 * and length, read on the date below. An estimate, never a bill.
 */
export const PRICES_READ_ON = "2026-12-07";

const PRICES: Record<ModelId, Partial<Record<`${Resolution}/${Duration}`, number>>> = {
  "hailuo/02-text-to-video-pro": { "1080P/6": 57 },
  "hailuo/02-text-to-video-standard": { "768P/6": 30, "768P/10": 50 },
  "hailuo/02-image-to-video-pro": { "1080P/6": 57 },
  "hailuo/02-image-to-video-standard": {
    "512P/6": 11,
    "512P/10": 17,
    "768P/6": 30,
    "768P/10": 50,
  },
  "hailuo/2-3-image-to-video-pro": { "768P/6": 45, "768P/10": 90, "1080P/6": 80 },
  "hailuo/2-3-image-to-video-standard": { "768P/6": 30, "768P/10": 50, "1080P/6": 50 },
};

/** The highest estimate of any video: what an unknown model is counted as, to stay on the safe side. */
export const MAX_ESTIMATED_CREDITS = Math.max(
  ...Object.values(PRICES).flatMap((p) => Object.values(p)),
);

/**
 * What one video of this model, size and length is estimated to cost. A combination the model
 * doesn't make (or a model the studio no longer knows) counts as the dearest video.
 */
export function estimateCredits(model: string, duration: string, resolution: string): number {
  if (!isModelId(model)) return MAX_ESTIMATED_CREDITS;
  const price = PRICES[model][`${resolution}/${duration}` as `${Resolution}/${Duration}`];
  return price ?? MAX_ESTIMATED_CREDITS;
}

/** A refused choice in English, for logs, API errors and the client's own refusals. */
export function describeChoiceProblems(
  choice: Pick<GenerationChoice, "model" | "prompt">,
  problems: Partial<Record<keyof GenerationChoice, ChoiceProblem>>,
): string {
  const m = MODELS[choice.model];
  const say: Record<ChoiceProblem, string> = {
    prompt_empty: "The prompt is empty",
    prompt_too_long: `The prompt is ${choice.prompt.length} characters long; ${m.id} accepts at most ${m.promptMax}`,
    image_required: `${m.id} starts from an image; add a start image`,
    no_image: `${m.id} starts from the prompt alone and takes no start image`,
    no_end_image: `${m.id} takes no end image`,
    no_optimizer: `${m.id} has no prompt optimizer`,
    duration:
      m.durations.length > 0
        ? `${m.id} makes videos of ${m.durations.join(" or ")} seconds`
        : `${m.id} makes ${m.defaultDuration}-second videos only`,
    resolution:
      m.resolutions.length > 0
        ? `${m.id} makes videos at ${m.resolutions.join(" or ")}`
        : `${m.id} makes videos at ${m.defaultResolution} only`,
    too_long_at_1080p: "kie.ai makes no 10-second video at 1080P",
  };
  return Object.values(problems)
    .map((p) => say[p])
    .join("; ");
}

/**
 * A stored generation's model, length and size as a choice again (Retry): the length and size
 * only where the model offers a choice of them.
 */
export function storedChoice(
  model: ModelId,
  duration: string,
  resolution: string,
): { model: ModelId; duration?: Duration; resolution?: Resolution } {
  const m = MODELS[model];
  const r = m.resolutions.find((x) => x === resolution);
  // A length that can't go with the size (never stored by the studio) is left to the default.
  const d = m.durations.find((x) => x === duration && lengthFits(x, r ?? m.defaultResolution));
  return { model, ...(d && { duration: d }), ...(r && { resolution: r }) };
}
