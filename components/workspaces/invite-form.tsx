"use client";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { type FormEvent, useState } from "react";
import { useActionErrorText } from "@/components/hooks/use-action-error-text";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { CheckIcon, CopyIcon } from "@/components/ui/icons";
import { Spinner } from "@/components/ui/spinner";
import { Switch } from "@/components/ui/switch";
import { RoleSelect } from "@/components/workspaces/role-select";
import { createInviteAction } from "@/lib/actions/invites/create-invite";
import { useActionMutation } from "@/lib/queries/use-action-mutation";

const EXPIRY_DAYS = [1, 7, 30] as const;

/** Makes an invite link and shows it once, ready to copy. */
export function InviteForm(props: { slug: string }) {
  const t = useTranslations("workspaces.invites");
  const tr = useTranslations("workspaces.roles");
  const router = useRouter();
  const errorText = useActionErrorText();
  const [role, setRole] = useState("member");
  const [days, setDays] = useState("7");
  const [singleUse, setSingleUse] = useState(false);
  const [copied, setCopied] = useState(false);
  const [link, setLink] = useState<string | null>(null);
  const create = useActionMutation(createInviteAction, {
    onSuccess: ({ path }) => {
      setLink(`${window.location.origin}${path}`);
      setCopied(false);
      router.refresh();
    },
  });

  function onSubmit(e: FormEvent) {
    e.preventDefault();
    create.mutate({ workspaceSlug: props.slug, role, expiresInDays: Number(days), singleUse });
  }

  async function copy() {
    if (!link) return;
    await navigator.clipboard.writeText(link).then(
      () => setCopied(true),
      () => setCopied(false),
    );
  }

  return (
    <div className="space-y-4">
      <form
        onSubmit={onSubmit}
        data-testid="invite-form"
        className="flex flex-wrap items-end gap-3"
      >
        <div className="space-y-1.5">
          <label htmlFor="invite-role" className="block text-[13px] font-medium text-fg-soft">
            {t("role")}
          </label>
          <RoleSelect
            id="invite-role"
            value={role}
            onChange={setRole}
            options={(["admin", "member", "viewer"] as const).map((r) => ({
              value: r,
              label: tr(r),
            }))}
          />
        </div>
        <div className="space-y-1.5">
          <label htmlFor="invite-expiry" className="block text-[13px] font-medium text-fg-soft">
            {t("expiry")}
          </label>
          <RoleSelect
            id="invite-expiry"
            value={days}
            onChange={setDays}
            options={EXPIRY_DAYS.map((d) => ({ value: String(d), label: t("days", { count: d }) }))}
          />
        </div>
        <div className="flex h-9 items-center gap-2">
          <Switch id="invite-single-use" checked={singleUse} onCheckedChange={setSingleUse} />
          <label htmlFor="invite-single-use" className="text-[13px] text-fg-soft">
            {t("singleUse")}
          </label>
        </div>
        <Button type="submit" disabled={create.isPending} className="sm:ml-auto">
          {create.isPending && <Spinner />}
          {t("create")}
        </Button>
      </form>
      {create.error && <Alert>{errorText(create.error)}</Alert>}
      {link && (
        <div className="rounded-lg bg-success-soft p-3 ring-1 ring-success-line ring-inset">
          <p className="text-[13px] font-medium text-success">{t("created")}</p>
          <div className="mt-2 flex items-center gap-2">
            <input
              readOnly
              value={link}
              aria-label={t("linkLabel")}
              data-testid="invite-link"
              onFocus={(e) => e.currentTarget.select()}
              className="h-9 min-w-0 flex-1 rounded-md bg-surface px-2.5 font-mono text-xs text-fg ring-1 ring-success-line ring-inset focus:ring-2 focus:ring-accent-500 focus:outline-none"
            />
            <Button variant="secondary" onClick={() => void copy()}>
              {copied ? <CheckIcon className="size-4" /> : <CopyIcon className="size-4" />}
              {copied ? t("copied") : t("copy")}
            </Button>
          </div>
          <p className="mt-2 text-xs text-success">{t("shownOnce")}</p>
        </div>
      )}
    </div>
  );
}
