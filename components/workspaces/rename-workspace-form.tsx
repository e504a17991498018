"use client";
import { zodResolver } from "@hookform/resolvers/zod";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useForm } from "react-hook-form";
import { z } from "zod/mini";
import { useActionErrorText } from "@/components/hooks/use-action-error-text";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { Spinner } from "@/components/ui/spinner";
import { useNameErrorText } from "@/components/workspaces/name-error-text";
import { renameWorkspaceAction } from "@/lib/actions/workspaces/rename-workspace";
import { useActionMutation } from "@/lib/queries/use-action-mutation";
import { renameWorkspaceInput } from "@/lib/workspaces/schemas";

const schema = z.pick(renameWorkspaceInput, { name: true });

export function RenameWorkspaceForm(props: { slug: string; name: string; canRename: boolean }) {
  const t = useTranslations("workspaces.general");
  const router = useRouter();
  const errorText = useActionErrorText();
  const nameErrorText = useNameErrorText();
  const form = useForm<z.input<typeof schema>, unknown, z.output<typeof schema>>({
    resolver: zodResolver(schema),
    defaultValues: { name: props.name },
  });
  const rename = useActionMutation(renameWorkspaceAction, {
    // "Saved." until the name is edited again.
    onSuccess: () => {
      form.reset({ name: form.getValues("name") });
      router.refresh();
    },
  });

  const trimmed = form.watch("name").trim();
  const saved = rename.isSuccess && !form.formState.isDirty;
  return (
    <form
      onSubmit={form.handleSubmit(({ name }) => rename.mutate({ workspaceSlug: props.slug, name }))}
      className="space-y-3"
    >
      <div className="flex flex-col gap-3 sm:flex-row sm:items-start">
        <Field
          label={t("nameLabel")}
          error={nameErrorText(form.formState.errors.name?.message)}
          className="flex-1"
        >
          {(control) => (
            <Input
              {...control}
              {...form.register("name")}
              maxLength={64}
              readOnly={!props.canRename}
            />
          )}
        </Field>
        {props.canRename && (
          <Button
            type="submit"
            size="lg"
            className="sm:mt-[26px]"
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
