"use client";
import { zodResolver } from "@hookform/resolvers/zod";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useForm } from "react-hook-form";
import type { z } from "zod/mini";
import { useActionErrorText } from "@/components/hooks/use-action-error-text";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { Spinner } from "@/components/ui/spinner";
import { useNameErrorText } from "@/components/workspaces/name-error-text";
import { createWorkspaceAction } from "@/lib/actions/workspaces/create-workspace";
import { useActionMutation } from "@/lib/queries/use-action-mutation";
import { createWorkspaceInput } from "@/lib/workspaces/schemas";

type Values = z.output<typeof createWorkspaceInput>;

export function NewWorkspaceForm() {
  const t = useTranslations("workspaces.new");
  const router = useRouter();
  const errorText = useActionErrorText();
  const nameErrorText = useNameErrorText();
  const form = useForm<z.input<typeof createWorkspaceInput>, unknown, Values>({
    resolver: zodResolver(createWorkspaceInput),
    defaultValues: { name: "" },
  });
  const create = useActionMutation(createWorkspaceAction, {
    onSuccess: ({ slug }) => {
      router.push(`/w/${encodeURIComponent(slug)}/settings/members`);
      router.refresh();
    },
  });

  const busy = create.isPending || create.isSuccess;
  return (
    <form onSubmit={form.handleSubmit((values) => create.mutate(values))} className="space-y-4">
      <Field label={t("nameLabel")} error={nameErrorText(form.formState.errors.name?.message)}>
        {(control) => (
          <Input
            {...control}
            {...form.register("name")}
            placeholder={t("namePlaceholder")}
            maxLength={64}
            autoFocus
            required
          />
        )}
      </Field>
      {create.error && <Alert>{errorText(create.error)}</Alert>}
      <Button
        type="submit"
        size="lg"
        className="w-full"
        disabled={busy || !form.watch("name").trim()}
      >
        {busy && <Spinner />}
        {t("submit")}
      </Button>
    </form>
  );
}
