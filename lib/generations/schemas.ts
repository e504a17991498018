import { z } from "zod";
import { MAX_TAKES } from "@/lib/generations/takes";
import { DEFAULT_MODEL, DURATIONS, MODEL_IDS, RESOLUTIONS } from "@/lib/kie/models";
import { checkPrompt, LONGEST_PROMPT } from "@/lib/kie/prompt";

// The server's own copy of the editor's rules: the form is never trusted. The chosen model's own
// limit is checked with the rest of the choice (lib/kie/models.ts).
export const promptSchema = z.string().superRefine((value, ctx) => {
  const check = checkPrompt(value, LONGEST_PROMPT);
  if (!check.ok) ctx.addIssue({ code: "custom", message: check.problem });
});

export const createGenerationInput = z.object({
  workspaceSlug: z.string().min(1).max(100),
  prompt: promptSchema,
  promptOptimizer: z.boolean(),
  model: z.enum(MODEL_IDS).default(DEFAULT_MODEL),
  // Left out: the model's own default.
  duration: z.enum(DURATIONS).optional(),
  resolution: z.enum(RESOLUTIONS).optional(),
  // Images kept with POST /api/w/:slug/images, for the models that start (or end) on one.
  startImageId: z.string().min(1).max(100).optional(),
  endImageId: z.string().min(1).max(100).optional(),
  // One key per press of Generate: a double click or a replayed request maps to the same takes,
  // one kie.ai task each.
  idempotencyKey: z.string().min(8).max(100),
  takes: z.number().int().min(1).max(MAX_TAKES).default(1),
});

export const generationRefInput = z.object({
  workspaceSlug: z.string().min(1).max(100),
  generationId: z.string().min(1).max(100),
});

/** One shot: the takes one press of Generate made (its id is its first take's). */
export const shotRefInput = z.object({
  workspaceSlug: z.string().min(1).max(100),
  shotId: z.string().min(1).max(100),
});

export const keepTakeInput = generationRefInput.extend({ keep: z.boolean() });
