import {
  DEFAULT_MODEL,
  type Duration,
  isModelId,
  lengthFits,
  MODEL_IDS,
  MODELS,
  type ModelId,
  type Resolution,
} from "@/lib/kie/models";

/** The models the editor offers: the whole family. */
export const OFFERED_MODELS: readonly ModelId[] = MODEL_IDS;

export interface ModelChoice {
  model: ModelId;
  duration: Duration;
  resolution: Resolution;
}

/**
 * A choice made whole and valid: a model this editor offers, and a length and size the model
 * makes together (its defaults for what it doesn't offer or wasn't chosen).
 */
export function settleChoice(raw: {
  model?: unknown;
  duration?: unknown;
  resolution?: unknown;
}): ModelChoice {
  const model =
    isModelId(raw.model) && OFFERED_MODELS.includes(raw.model) ? raw.model : DEFAULT_MODEL;
  const m = MODELS[model];
  const resolution = m.resolutions.find((r) => r === raw.resolution) ?? m.defaultResolution;
  const duration = m.durations.find((d) => d === raw.duration) ?? m.defaultDuration;
  // A size and length that can't go together: the size wins, as the last thing chosen is kept.
  return { model, resolution, duration: lengthFits(duration, resolution) ? duration : "6" };
}

/** What Generate sends: the model, with the length and size only where the model offers a choice. */
export function choiceToSend(choice: ModelChoice): {
  model: ModelId;
  duration?: Duration;
  resolution?: Resolution;
} {
  const m = MODELS[choice.model];
  return {
    model: choice.model,
    ...(m.durations.length > 0 && { duration: choice.duration }),
    ...(m.resolutions.length > 0 && { resolution: choice.resolution }),
  };
}
