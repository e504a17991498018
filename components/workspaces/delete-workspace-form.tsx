"use client";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { type FormEvent, useState } from "react";
import { useActionErrorText } from "@/components/hooks/use-action-error-text";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Spinner } from "@/components/ui/spinner";
import { TextField } from "@/components/ui/text-field";
import { deleteWorkspaceAction } from "@/lib/actions/workspaces/delete-workspace";
import { useActionMutation } from "@/lib/queries/use-action-mutation";

/** Delete, once the workspace's name is typed exactly (checked again on the server). */
export function DeleteWorkspaceForm(props: { slug: string; name: string }) {
  const t = useTranslations("workspaces.general");
  const router = useRouter();
  const errorText = useActionErrorText();
  const [typed, setTyped] = useState("");
  const remove = useActionMutation(deleteWorkspaceAction, {
    onSuccess: () => {
      router.replace("/");
      router.refresh();
    },
  });

  function onSubmit(e: FormEvent) {
    e.preventDefault();
    remove.mutate({ workspaceSlug: props.slug, confirmName: typed });
  }

  return (
    <form onSubmit={onSubmit} className="space-y-3">
      <TextField
        id="confirm-delete"
        name="confirmName"
        label={t("deleteConfirmLabel", { name: props.name })}
        value={typed}
        autoComplete="off"
        spellCheck={false}
        onChange={(e) => setTyped(e.target.value)}
      />
      {remove.error && <Alert>{errorText(remove.error)}</Alert>}
      <Button
        type="submit"
        variant="danger"
        disabled={remove.isPending || typed.trim() !== props.name}
      >
        {remove.isPending && <Spinner />}
        {t("deleteButton")}
      </Button>
    </form>
  );
}
