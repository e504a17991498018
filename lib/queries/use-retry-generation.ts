"use client";
import { useQueryClient } from "@tanstack/react-query";
import { retryGenerationAction } from "@/lib/actions/generations/retry-generation";
import { useActionMutation } from "@/lib/queries/use-action-mutation";
import { addGeneration, generationKeys } from "@/lib/queries/use-generations";

/** Retry: the answer is the resubmitted generation, or a new one started from a failed one. */
export function useRetryGeneration(slug: string) {
  const qc = useQueryClient();
  return useActionMutation(
    (generationId: string) => retryGenerationAction({ workspaceSlug: slug, generationId }),
    {
      onSuccess: (dto) => {
        addGeneration(qc, slug, dto);
        void qc.invalidateQueries({ queryKey: generationKeys.all(slug) });
      },
    },
  );
}
