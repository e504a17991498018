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
import { deleteWorkspaceAction } from "@/lib/actions/workspaces/delete-workspace";
import { useActionMutation } from "@/lib/queries/use-action-mutation";
import { deleteWorkspaceInput } from "@/lib/workspaces/schemas";

const schema = z.pick(deleteWorkspaceInput, { confirmName: true });

/** Delete, once the workspace's name is typed exactly (checked again on the server). */
export function DeleteWorkspaceForm(props: { slug: string; name: string }) {
  const t = useTranslations("workspaces.general");
  const router = useRouter();
  const errorText = useActionErrorText();
  const form = useForm<z.input<typeof schema>, unknown, z.output<typeof schema>>({
    resolver: zodResolver(schema),
    defaultValues: { confirmName: "" },
  });
  const remove = useActionMutation(deleteWorkspaceAction, {
    onSuccess: () => {
      router.replace("/");
      router.refresh();
    },
  });

  return (
    <form
      onSubmit={form.handleSubmit(({ confirmName }) =>
        remove.mutate({ workspaceSlug: props.slug, confirmName }),
      )}
      className="space-y-3"
    >
      <Field label={t("deleteConfirmLabel", { name: props.name })}>
        {(control) => (
          <Input
            {...control}
            {...form.register("confirmName")}
            autoComplete="off"
            spellCheck={false}
          />
        )}
      </Field>
      {remove.error && <Alert>{errorText(remove.error)}</Alert>}
      <Button
        type="submit"
        variant="danger"
        disabled={remove.isPending || form.watch("confirmName").trim() !== props.name}
      >
        {remove.isPending && <Spinner />}
        {t("deleteButton")}
      </Button>
    </form>
  );
}
