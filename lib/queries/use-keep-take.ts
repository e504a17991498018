"use client";
import { useQueryClient } from "@tanstack/react-query";
import { keepTakeAction } from "@/lib/actions/generations/keep-take";
import { useActionMutation } from "@/lib/queries/use-action-mutation";
import { generationKeys, replaceGeneration } from "@/lib/queries/use-generations";

/** Keep (or let go of) a take: the shot's other takes are refetched, one may have let go. */
export function useKeepTake(slug: string) {
  const qc = useQueryClient();
  return useActionMutation(
    (input: { generationId: string; keep: boolean }) =>
      keepTakeAction({ workspaceSlug: slug, ...input }),
    {
      onSuccess: (dto) => {
        replaceGeneration(qc, slug, dto);
        void qc.invalidateQueries({ queryKey: generationKeys.all(slug) });
      },
    },
  );
}
