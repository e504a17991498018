"use client";
import { useQueryClient } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { noteDeletion } from "@/components/gallery/deleted-notice";
import { useActionErrorText } from "@/components/hooks/use-action-error-text";
import { ConfirmButton } from "@/components/ui/confirm-button";
import { TrashIcon } from "@/components/ui/icons";
import { deleteGenerationAction } from "@/lib/actions/generations/delete-generation";
import { useActionMutation } from "@/lib/queries/use-action-mutation";
import { generationKeys } from "@/lib/queries/use-generations";

/**
 * Delete, asked once more. On the video's page it then goes back to the gallery; on a card
 * (`compact`, for clearing away failures) the card simply leaves the gallery.
 */
export function DeleteGenerationButton(props: {
  slug: string;
  generationId: string;
  compact?: boolean;
}) {
  const t = useTranslations("detail");
  const actionErrorText = useActionErrorText();
  const router = useRouter();
  const qc = useQueryClient();
  const remove = useActionMutation(
    () => deleteGenerationAction({ workspaceSlug: props.slug, generationId: props.generationId }),
    {
      onSuccess: async () => {
        qc.removeQueries({ queryKey: generationKeys.detail(props.slug, props.generationId) });
        await qc.invalidateQueries({ queryKey: generationKeys.list(props.slug) });
        if (!props.compact) {
          noteDeletion();
          router.push(`/w/${encodeURIComponent(props.slug)}`);
        }
      },
    },
  );
  return (
    <div className="space-y-2">
      <ConfirmButton
        testId="delete-generation"
        ghost={props.compact}
        name={props.compact ? t("delete") : undefined}
        label={
          props.compact ? (
            <TrashIcon className="size-4" />
          ) : (
            <>
              <TrashIcon className="size-4" />
              {t("delete")}
            </>
          )
        }
        title={t("deleteTitle")}
        question={t("deleteQuestion")}
        confirmLabel={t("deleteConfirm")}
        pending={remove.isPending}
        onConfirm={() => remove.mutateAsync(undefined)}
      />
      {remove.error && (
        <p role="alert" className="text-xs text-danger">
          {actionErrorText(remove.error)}
        </p>
      )}
    </div>
  );
}
