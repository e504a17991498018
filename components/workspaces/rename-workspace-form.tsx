"use client";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { type FormEvent, useState } from "react";
import { useActionErrorText } from "@/components/hooks/use-action-error-text";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Spinner } from "@/components/ui/spinner";
import { TextField } from "@/components/ui/text-field";
import { renameWorkspaceAction } from "@/lib/actions/workspaces/rename-workspace";
import { useActionMutation } from "@/lib/queries/use-action-mutation";

export function RenameWorkspaceForm(props: { slug: string; name: string; canRename: boolean }) {
  const t = useTranslations("workspaces.general");
  const router = useRouter();
  const errorText = useActionErrorText();
  const [name, setName] = useState(props.name);
  const [saved, setSaved] = useState(false);
  const rename = useActionMutation(renameWorkspaceAction, {
    onSuccess: () => {
      setSaved(true);
      router.refresh();
    },
  });

  function onSubmit(e: FormEvent) {
    e.preventDefault();
    setSaved(false);
    rename.mutate({ workspaceSlug: props.slug, name });
  }

  const trimmed = name.trim();
  return (
    <form onSubmit={onSubmit} className="space-y-3">
      <div className="flex flex-col gap-3 sm:flex-row sm:items-end">
        <TextField
          id="workspace-name"
          name="name"
          label={t("nameLabel")}
          value={name}
          maxLength={64}
          readOnly={!props.canRename}
          onChange={(e) => {
            setName(e.target.value);
            setSaved(false);
          }}
          className="flex-1"
        />
        {props.canRename && (
          <Button
            type="submit"
            size="lg"
            disabled={rename.isPending || !trimmed || trimmed === props.name}
          >
            {rename.isPending && <Spinner />}
            {t("rename")}
          </Button>
        )}
      </div>
      <p className="text-xs text-fg-muted">
        {t("addressHint", { path: `/w/${props.slug}` })}
        {!props.canRename && ` ${t("renameAdminsOnly")}`}
      </p>
      {saved && (
        <p role="status" className="text-[13px] text-success">
          {t("renamed")}
        </p>
      )}
      {rename.error && <Alert>{errorText(rename.error)}</Alert>}
    </form>
  );
}
