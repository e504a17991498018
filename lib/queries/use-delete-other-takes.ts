"use client";
import { useQueryClient } from "@tanstack/react-query";
import { deleteOtherTakesAction } from "@/lib/actions/generations/delete-other-takes";
import { useActionMutation } from "@/lib/queries/use-action-mutation";
import { generationKeys } from "@/lib/queries/use-generations";

/** Delete the others: the rest of a kept take's shot, in one step. */
export function useDeleteOtherTakes(slug: string) {
  const qc = useQueryClient();
  return useActionMutation(
    (generationId: string) => deleteOtherTakesAction({ workspaceSlug: slug, generationId }),
    { onSettled: () => void qc.invalidateQueries({ queryKey: generationKeys.all(slug) }) },
  );
}
