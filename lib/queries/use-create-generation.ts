"use client";
import { useQueryClient } from "@tanstack/react-query";
import { createGenerationAction } from "@/lib/actions/generations/create-generation";
import type { Duration, ModelId, Resolution } from "@/lib/kie/models";
import { useActionMutation } from "@/lib/queries/use-action-mutation";
import { addGeneration, generationKeys } from "@/lib/queries/use-generations";

export interface CreateGenerationInput {
  prompt: string;
  promptOptimizer: boolean;
  /** One per press of Generate; the same on every retry of that press. */
  idempotencyKey: string;
  /** How many takes of the shot the press makes. */
  takes: number;
  /** The model, and its length and size where it offers them (the server's defaults otherwise). */
  model: ModelId;
  duration?: Duration;
  resolution?: Resolution;
  /** Stored images to start and end on, for the models that take them. */
  startImageId?: string;
  endImageId?: string;
}

/** Generate: the new takes go to the top of the gallery as soon as the server answers. */
export function useCreateGeneration(slug: string) {
  const qc = useQueryClient();
  return useActionMutation(
    (input: CreateGenerationInput) => createGenerationAction({ workspaceSlug: slug, ...input }),
    {
      onSuccess: (takes) => {
        // The editor's "started" paints first, the gallery's new cards a frame later: the press
        // is acknowledged without waiting for the whole gallery to render again.
        afterNextPaint(() => {
          // Last first, so the first take ends up on top.
          for (const dto of [...takes].reverse()) addGeneration(qc, slug, dto);
          // Asked again as well: a list request already on its way, sent before these takes
          // existed, would otherwise land after them and drop them.
          void qc.invalidateQueries({ queryKey: generationKeys.list(slug) });
        });
      },
    },
  );
}

function afterNextPaint(run: () => void): void {
  if (typeof requestAnimationFrame !== "function") {
    run();
    return;
  }
  requestAnimationFrame(() => setTimeout(run, 0));
}
