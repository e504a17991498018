"use client";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { type FormEvent, useState } from "react";
import { useActionErrorText } from "@/components/hooks/use-action-error-text";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Spinner } from "@/components/ui/spinner";
import { RoleSelect } from "@/components/workspaces/role-select";
import { transferOwnershipAction } from "@/lib/actions/workspaces/transfer-ownership";
import { useActionMutation } from "@/lib/queries/use-action-mutation";

export function TransferOwnershipForm(props: {
  slug: string;
  candidates: { userId: string; email: string }[];
}) {
  const t = useTranslations("workspaces.general");
  const router = useRouter();
  const errorText = useActionErrorText();
  const [to, setTo] = useState("");
  const [confirming, setConfirming] = useState(false);
  const transfer = useActionMutation(transferOwnershipAction, {
    onSuccess: () => {
      setConfirming(false);
      setTo("");
      router.refresh();
    },
  });

  if (props.candidates.length === 0) {
    return <p className="text-[13px] text-fg-muted">{t("transferNoOne")}</p>;
  }

  function onSubmit(e: FormEvent) {
    e.preventDefault();
    if (!confirming) {
      setConfirming(true);
      return;
    }
    transfer.mutate({ workspaceSlug: props.slug, userId: to });
  }

  const email = props.candidates.find((c) => c.userId === to)?.email;
  return (
    <form onSubmit={onSubmit} className="space-y-3">
      <div className="space-y-1.5">
        <label htmlFor="transfer-to" className="block text-[13px] font-medium text-fg-soft">
          {t("transferLabel")}
        </label>
        <RoleSelect
          id="transfer-to"
          value={to}
          onChange={(v) => {
            setTo(v);
            setConfirming(false);
          }}
          options={[
            { value: "", label: t("transferPick"), disabled: true },
            ...props.candidates.map((c) => ({ value: c.userId, label: c.email })),
          ]}
          className="w-full sm:w-80"
        />
      </div>
      {confirming && email && (
        <p role="status" className="text-[13px] text-warning">
          {t("transferConfirm", { email })}
        </p>
      )}
      {transfer.error && <Alert>{errorText(transfer.error)}</Alert>}
      <Button type="submit" variant="danger" disabled={!to || transfer.isPending}>
        {transfer.isPending && <Spinner />}
        {confirming ? t("transferConfirmButton") : t("transferButton")}
      </Button>
    </form>
  );
}
