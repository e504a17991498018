"use client";
import { zodResolver } from "@hookform/resolvers/zod";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { Controller, useForm } from "react-hook-form";
import { z } from "zod/mini";
import { useActionErrorText } from "@/components/hooks/use-action-error-text";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { CopyField } from "@/components/ui/copy-field";
import { Field } from "@/components/ui/field";
import { Spinner } from "@/components/ui/spinner";
import { Switch } from "@/components/ui/switch";
import { RoleSelect } from "@/components/workspaces/role-select";
import { createInviteAction } from "@/lib/actions/invites/create-invite";
import { createInviteInput } from "@/lib/invites/schemas";
import { useActionMutation } from "@/lib/queries/use-action-mutation";

const schema = z.omit(createInviteInput, { workspaceSlug: true });

const EXPIRY_DAYS = [1, 7, 30] as const;

/** Makes an invite link and shows it once, ready to copy. */
export function InviteForm(props: { slug: string }) {
  const t = useTranslations("workspaces.invites");
  const tr = useTranslations("workspaces.roles");
  const router = useRouter();
  const errorText = useActionErrorText();
  const form = useForm<z.input<typeof schema>, unknown, z.output<typeof schema>>({
    resolver: zodResolver(schema),
    defaultValues: { role: "member", expiresInDays: 7, singleUse: false },
  });
  const [link, setLink] = useState<string | null>(null);
  const create = useActionMutation(createInviteAction, {
    onSuccess: ({ path }) => {
      setLink(`${window.location.origin}${path}`);
      router.refresh();
    },
  });

  return (
    <div className="space-y-4">
      <form
        onSubmit={form.handleSubmit((values) =>
          create.mutate({ workspaceSlug: props.slug, ...values }),
        )}
        data-testid="invite-form"
        className="flex flex-wrap items-end gap-3"
      >
        <Controller
          control={form.control}
          name="role"
          render={({ field }) => (
            <Field label={t("role")}>
              {(control) => (
                <RoleSelect
                  id={control.id}
                  value={field.value}
                  onChange={field.onChange}
                  options={(["admin", "member", "viewer"] as const).map((r) => ({
                    value: r,
                    label: tr(r),
                  }))}
                  className="min-w-32"
                />
              )}
            </Field>
          )}
        />
        <Controller
          control={form.control}
          name="expiresInDays"
          render={({ field }) => (
            <Field label={t("expiry")}>
              {(control) => (
                <RoleSelect
                  id={control.id}
                  value={String(field.value)}
                  onChange={(v) => field.onChange(Number(v))}
                  options={EXPIRY_DAYS.map((d) => ({
                    value: String(d),
                    label: t("days", { count: d }),
                  }))}
                  className="min-w-28"
                />
              )}
            </Field>
          )}
        />
        <Controller
          control={form.control}
          name="singleUse"
          render={({ field }) => (
            <div className="flex h-9 items-center gap-2">
              <Switch
                id="invite-single-use"
                checked={field.value}
                onCheckedChange={field.onChange}
              />
              <label htmlFor="invite-single-use" className="text-[13px] text-fg-soft">
                {t("singleUse")}
              </label>
            </div>
          )}
        />
        <Button type="submit" disabled={create.isPending} className="sm:ml-auto">
          {create.isPending && <Spinner />}
          {t("create")}
        </Button>
      </form>
      {create.error && <Alert>{errorText(create.error)}</Alert>}
      {link && (
        <div className="rounded-lg bg-success-soft p-3 ring-1 ring-success-line ring-inset">
          <p className="text-[13px] font-medium text-success">{t("created")}</p>
          <div className="mt-2">
            <CopyField
              value={link}
              label={t("linkLabel")}
              testId="invite-link"
              inputClassName="h-9 bg-surface ring-success-line"
            />
          </div>
          <p className="mt-2 text-xs text-success">{t("shownOnce")}</p>
        </div>
      )}
    </div>
  );
}
