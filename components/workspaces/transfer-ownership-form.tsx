"use client";
import { zodResolver } from "@hookform/resolvers/zod";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { Controller, useForm } from "react-hook-form";
import { z } from "zod/mini";
import { useActionErrorText } from "@/components/hooks/use-action-error-text";
import { Alert } from "@/components/ui/alert";
import {
  AlertDialog,
  AlertDialogAction,
  AlertDialogCancel,
  AlertDialogContent,
  AlertDialogDescription,
  AlertDialogFooter,
  AlertDialogTitle,
} from "@/components/ui/alert-dialog";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Spinner } from "@/components/ui/spinner";
import { RoleSelect } from "@/components/workspaces/role-select";
import { transferOwnershipAction } from "@/lib/actions/workspaces/transfer-ownership";
import { useActionMutation } from "@/lib/queries/use-action-mutation";
import { transferOwnershipInput } from "@/lib/workspaces/schemas";

const schema = z.pick(transferOwnershipInput, { userId: true });

/** Hand the workspace to another member, asked once more in an alert dialog. */
export function TransferOwnershipForm(props: {
  slug: string;
  candidates: { userId: string; email: string }[];
}) {
  const t = useTranslations("workspaces.general");
  const tc = useTranslations("common");
  const router = useRouter();
  const errorText = useActionErrorText();
  const [asking, setAsking] = useState(false);
  const form = useForm<z.input<typeof schema>, unknown, z.output<typeof schema>>({
    resolver: zodResolver(schema),
    defaultValues: { userId: "" },
  });
  const transfer = useActionMutation(transferOwnershipAction, {
    onSuccess: () => {
      setAsking(false);
      form.reset({ userId: "" });
      router.refresh();
    },
    onError: () => setAsking(false),
  });

  if (props.candidates.length === 0) {
    return <p className="text-[13px] text-fg-muted">{t("transferNoOne")}</p>;
  }

  const to = form.watch("userId");
  const email = props.candidates.find((c) => c.userId === to)?.email ?? "";
  return (
    <form onSubmit={form.handleSubmit(() => setAsking(true))} className="space-y-3">
      <Controller
        control={form.control}
        name="userId"
        render={({ field }) => (
          <Field label={t("transferLabel")}>
            {(control) => (
              <RoleSelect
                id={control.id}
                aria-describedby={control["aria-describedby"]}
                value={field.value}
                onChange={field.onChange}
                options={[
                  { value: "", label: t("transferPick") },
                  ...props.candidates.map((c) => ({ value: c.userId, label: c.email })),
                ]}
                className="w-full sm:w-80"
              />
            )}
          </Field>
        )}
      />
      {transfer.error && <Alert>{errorText(transfer.error)}</Alert>}
      <Button type="submit" variant="danger" disabled={!to || transfer.isPending}>
        {transfer.isPending && <Spinner />}
        {t("transferButton")}
      </Button>
      <AlertDialog open={asking} onOpenChange={(open) => !transfer.isPending && setAsking(open)}>
        <AlertDialogContent>
          <AlertDialogTitle>{t("transferTitle")}</AlertDialogTitle>
          <AlertDialogDescription>{t("transferConfirm", { email })}</AlertDialogDescription>
          <AlertDialogFooter>
            <AlertDialogCancel disabled={transfer.isPending}>{tc("cancel")}</AlertDialogCancel>
            <AlertDialogAction
              disabled={transfer.isPending}
              onClick={(e) => {
                // Closed when the server has answered, not at the press.
                e.preventDefault();
                transfer.mutate({ workspaceSlug: props.slug, userId: to });
              }}
            >
              {transfer.isPending && <Spinner />}
              {t("transferConfirmButton")}
            </AlertDialogAction>
          </AlertDialogFooter>
        </AlertDialogContent>
      </AlertDialog>
    </form>
  );
}
