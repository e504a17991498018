"use client";
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { collectionKeys } from "@/components/collections/collection-keys";
import type { ActionResult } from "@/lib/actions/action-result";
import { addToCollectionAction } from "@/lib/actions/collections/add-to-collection";
import { collectShotAction } from "@/lib/actions/collections/collect-shot";
import { listCollectionsAction } from "@/lib/actions/collections/list-collections";
import { removeFromCollectionAction } from "@/lib/actions/collections/remove-from-collection";
import { listFavoritesAction } from "@/lib/actions/favorites/list-favorites";
import { toggleFavoriteAction } from "@/lib/actions/favorites/toggle-favorite";
import { ActionError, useActionMutation } from "@/lib/queries/use-action-mutation";
import { generationKeys } from "@/lib/queries/use-generations";

export { collectionKeys };

export async function unwrap<T>(result: Promise<ActionResult<T>>): Promise<T> {
  const r = await result;
  if (!r.ok) throw new ActionError(r.error.code, r.error.message, r.error.fields);
  return r.data;
}

/** The ids of the videos the signed-in person starred here. */
export function useFavoriteIds(slug: string, enabled = true) {
  return useQuery({
    queryKey: collectionKeys.favorites(slug),
    queryFn: () => unwrap(listFavoritesAction({ workspaceSlug: slug })),
    select: (ids) => new Set(ids),
    enabled,
    staleTime: 60_000,
  });
}

/** Star or unstar: shown at once, undone if the server refuses. */
export function useToggleFavorite(slug: string) {
  const qc = useQueryClient();
  const key = collectionKeys.favorites(slug);
  return useActionMutation(
    (input: { generationId: string; favorite: boolean }) =>
      toggleFavoriteAction({ workspaceSlug: slug, ...input }),
    {
      onMutate: async ({ generationId, favorite }) => {
        await qc.cancelQueries({ queryKey: key });
        const before = qc.getQueryData<string[]>(key);
        qc.setQueryData<string[]>(key, (ids = []) =>
          favorite ? [...new Set([...ids, generationId])] : ids.filter((id) => id !== generationId),
        );
        return { before };
      },
      onError: (_e, _input, context) => {
        const before = (context as { before?: string[] } | undefined)?.before;
        if (before) qc.setQueryData(key, before);
      },
      onSettled: () => {
        void qc.invalidateQueries({ queryKey: key });
        // A "favorites only" gallery changes with every star.
        void qc.invalidateQueries({ queryKey: generationKeys.list(slug) });
      },
    },
  );
}

/** What goes into a collection in one step: one video, or every take of a shot. */
export type CollectionSubject = { generationId: string } | { shotId: string };

/** The workspace's collections, each saying whether it holds the subject (every take of a shot). */
export function useCollections(slug: string, subject?: CollectionSubject, enabled = true) {
  return useQuery({
    queryKey: !subject
      ? collectionKeys.list(slug)
      : "shotId" in subject
        ? collectionKeys.forShot(slug, subject.shotId)
        : collectionKeys.forGeneration(slug, subject.generationId),
    queryFn: () => unwrap(listCollectionsAction({ workspaceSlug: slug, ...subject })),
    enabled,
  });
}

/** Put a video (or a whole shot) in a collection, or take it out. */
export function useCollectionItem(slug: string) {
  const qc = useQueryClient();
  return useActionMutation(
    (input: {
      collectionId: string;
      subject: CollectionSubject;
      add: boolean;
    }): Promise<ActionResult<unknown>> =>
      "shotId" in input.subject
        ? collectShotAction({
            workspaceSlug: slug,
            collectionId: input.collectionId,
            shotId: input.subject.shotId,
            add: input.add,
          })
        : (input.add ? addToCollectionAction : removeFromCollectionAction)({
            workspaceSlug: slug,
            collectionId: input.collectionId,
            generationId: input.subject.generationId,
          }),
    {
      onSettled: () => {
        void qc.invalidateQueries({ queryKey: collectionKeys.all(slug) });
        void qc.invalidateQueries({ queryKey: generationKeys.list(slug) });
      },
    },
  );
}
