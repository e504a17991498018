"use client";
import { useTranslations } from "next-intl";
import { useActionErrorText } from "@/components/hooks/use-action-error-text";
import { ConfirmButton } from "@/components/ui/confirm-button";
import { TrashIcon } from "@/components/ui/icons";
import { useDeleteOtherTakes } from "@/lib/queries/use-delete-other-takes";

/**
 * Delete the others: the rest of the shot goes, the kept take stays; asked once more first.
 * `onDone` hears what happened, for a report that outlives this button (it leaves with the
 * others).
 */
export function DeleteOthersButton(props: {
  slug: string;
  keptId: string;
  onDone: (report: string) => void;
}) {
  const t = useTranslations("shots");
  const actionErrorText = useActionErrorText();
  const remove = useDeleteOtherTakes(props.slug);
  return (
    <div className="flex flex-wrap items-center gap-x-3 gap-y-1.5">
      <ConfirmButton
        testId="delete-other-takes"
        label={
          <>
            <TrashIcon className="size-4" />
            {t("deleteOthers")}
          </>
        }
        title={t("deleteOthersTitle")}
        question={t("deleteOthersQuestion")}
        confirmLabel={t("deleteOthersConfirm")}
        pending={remove.isPending}
        onConfirm={async () => {
          const done = await remove.mutateAsync(props.keptId);
          props.onDone(
            [
              t("deletedOthers", { deleted: done.deleted }),
              done.kept > 0 ? t("stillMaking", { kept: done.kept }) : "",
            ].join(" "),
          );
        }}
      />
      {remove.error && (
        <p role="alert" className="text-xs text-danger">
          {actionErrorText(remove.error)}
        </p>
      )}
    </div>
  );
}
