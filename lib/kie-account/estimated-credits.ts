import { DEFAULT_MODEL, estimateCredits, MODELS } from "@/lib/kie/models";

const studioDefault = MODELS[DEFAULT_MODEL];

/**
 * One video of the studio's default model at its default length and size: what a budget is
 * measured in where no model has been chosen (the budget form's "room for N videos").
 */
export const ESTIMATED_CREDITS_PER_VIDEO = estimateCredits(
  DEFAULT_MODEL,
  studioDefault.defaultDuration,
  studioDefault.defaultResolution,
);
