"use client";
import { useQueryClient } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { CollectionMenu } from "@/components/collections/collection-menu";
import { collectionKeys, useFavoriteIds } from "@/components/collections/queries";
import { noteDeletion } from "@/components/gallery/deleted-notice";
import { useActionErrorText } from "@/components/hooks/use-action-error-text";
import { ShareDialog } from "@/components/sharing/share-dialog";
import { Button } from "@/components/ui/button";
import { ConfirmButton } from "@/components/ui/confirm-button";
import { StarIcon, TrashIcon } from "@/components/ui/icons";
import { favoriteShotAction } from "@/lib/actions/favorites/favorite-shot";
import { deleteShotAction } from "@/lib/actions/generations/delete-shot";
import type { GenerationDto } from "@/lib/generations/dto";
import { useActionMutation } from "@/lib/queries/use-action-mutation";
import { generationKeys } from "@/lib/queries/use-generations";

/**
 * What is done to a shot as a whole: star, collect, share and delete every take in one step.
 * Each take keeps its own page for doing the same to it alone.
 */
export function ShotActions(props: {
  slug: string;
  shotId: string;
  takes: GenerationDto[];
  /** The viewer may delete every take (their own shot, or an admin). */
  canDelete: boolean;
  onReport: (report: string) => void;
}) {
  const t = useTranslations("shots");
  const actionErrorText = useActionErrorText();
  const anyReady = props.takes.some((g) => g.state === "success" && g.media.videoUrl);
  const favorite = useFavoriteShot(props.slug, props.shotId);
  const favorites = useFavoriteIds(props.slug);
  const starred =
    props.takes.length > 0 && props.takes.every((g) => favorites.data?.has(g.id) ?? false);
  const remove = useDeleteShot(props.slug, props.shotId);
  const error = favorite.error ?? remove.error;

  return (
    <section aria-label={t("wholeShot")} className="mt-4 space-y-2">
      <div className="flex flex-wrap items-center gap-2">
        <Button
          variant="secondary"
          aria-pressed={starred}
          disabled={favorites.isPending || favorite.isPending}
          onClick={() => favorite.mutate(!starred)}
        >
          <StarIcon filled={starred} className={starred ? "size-4 text-warning" : "size-4"} />
          {starred ? t("unfavoriteShot") : t("favoriteShot")}
        </Button>
        {/* Its own box: the menu's button fills a phone's width on a video's page, not here. */}
        <div>
          <CollectionMenu
            slug={props.slug}
            subject={{ shotId: props.shotId }}
            placement="down"
            variant="button"
          />
        </div>
        {anyReady && (
          <ShareDialog
            slug={props.slug}
            target={{ type: "shot", shotId: props.shotId }}
            label={t("shareShot")}
          />
        )}
        {props.canDelete && (
          <ConfirmButton
            testId="delete-shot"
            label={
              <>
                <TrashIcon className="size-4" />
                {t("deleteShot")}
              </>
            }
            title={t("deleteShotTitle")}
            question={t("deleteShotQuestion")}
            confirmLabel={t("deleteShotConfirm")}
            pending={remove.isPending}
            onConfirm={async () => {
              const done = await remove.mutateAsync(undefined);
              // A take still being made stays: the page stays too, and says so.
              if (done.kept > 0) {
                props.onReport(
                  [
                    t("deletedOthers", { deleted: done.deleted }),
                    t("stillMaking", { kept: done.kept }),
                  ].join(" "),
                );
              }
            }}
          />
        )}
      </div>
      {error && (
        <p role="alert" className="text-xs text-danger">
          {actionErrorText(error)}
        </p>
      )}
    </section>
  );
}

/** Star or unstar every take: shown at once, undone if the server refuses. */
function useFavoriteShot(slug: string, shotId: string) {
  const qc = useQueryClient();
  const key = collectionKeys.favorites(slug);
  return useActionMutation(
    (favorite: boolean) => favoriteShotAction({ workspaceSlug: slug, shotId, favorite }),
    {
      onSuccess: ({ generationIds, favorite }) => {
        qc.setQueryData<string[]>(key, (ids = []) =>
          favorite
            ? [...new Set([...ids, ...generationIds])]
            : ids.filter((id) => !generationIds.includes(id)),
        );
      },
      onSettled: () => {
        void qc.invalidateQueries({ queryKey: key });
        void qc.invalidateQueries({ queryKey: generationKeys.list(slug) });
      },
    },
  );
}

/** Delete the shot; when every take went, back to the gallery, which says so. */
function useDeleteShot(slug: string, shotId: string) {
  const qc = useQueryClient();
  const router = useRouter();
  return useActionMutation(() => deleteShotAction({ workspaceSlug: slug, shotId }), {
    onSuccess: async (done) => {
      await qc.invalidateQueries({ queryKey: generationKeys.all(slug) });
      if (done.kept === 0) {
        noteDeletion("shot");
        router.push(`/w/${encodeURIComponent(slug)}`);
      }
    },
  });
}
