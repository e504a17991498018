"use client";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { type FormEvent, useState } from "react";
import { useActionErrorText } from "@/components/hooks/use-action-error-text";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Spinner } from "@/components/ui/spinner";
import { TextField } from "@/components/ui/text-field";
import { createWorkspaceAction } from "@/lib/actions/workspaces/create-workspace";
import { useActionMutation } from "@/lib/queries/use-action-mutation";

export function NewWorkspaceForm() {
  const t = useTranslations("workspaces.new");
  const router = useRouter();
  const errorText = useActionErrorText();
  const [name, setName] = useState("");
  const create = useActionMutation(createWorkspaceAction, {
    onSuccess: ({ slug }) => {
      router.push(`/w/${encodeURIComponent(slug)}/settings/members`);
      router.refresh();
    },
  });

  function onSubmit(e: FormEvent) {
    e.preventDefault();
    create.mutate({ name });
  }

  return (
    <form onSubmit={onSubmit} className="space-y-4">
      <TextField
        id="new-workspace-name"
        name="name"
        label={t("nameLabel")}
        placeholder={t("namePlaceholder")}
        value={name}
        maxLength={64}
        autoFocus
        required
        onChange={(e) => setName(e.target.value)}
      />
      {create.error && <Alert>{errorText(create.error)}</Alert>}
      <Button
        type="submit"
        size="lg"
        className="w-full"
        disabled={create.isPending || create.isSuccess || !name.trim()}
      >
        {(create.isPending || create.isSuccess) && <Spinner />}
        {t("submit")}
      </Button>
    </form>
  );
}
