"use client";
import { useQueryClient } from "@tanstack/react-query";
import { cancelGenerationAction } from "@/lib/actions/generations/cancel-generation";
import { useActionMutation } from "@/lib/queries/use-action-mutation";
import { generationKeys, replaceGeneration } from "@/lib/queries/use-generations";

/** Cancel a take not yet sent: the card turns to "Cancelled" as soon as the server answers. */
export function useCancelGeneration(slug: string) {
  const qc = useQueryClient();
  return useActionMutation(
    (generationId: string) => cancelGenerationAction({ workspaceSlug: slug, generationId }),
    {
      onSuccess: (dto) => {
        replaceGeneration(qc, slug, dto);
        void qc.invalidateQueries({ queryKey: generationKeys.all(slug) });
      },
      // Sent meanwhile: the card's live state says what it is now.
      onError: () => void qc.invalidateQueries({ queryKey: generationKeys.all(slug) }),
    },
  );
}
