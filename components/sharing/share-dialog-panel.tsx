"use client";
import { zodResolver } from "@hookform/resolvers/zod";
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { type RefObject, useState } from "react";
import { Controller, useForm } from "react-hook-form";
import type { z } from "zod/mini";
import { unwrap } from "@/components/collections/queries";
import { type ShareTargetProp, shareKeys } from "@/components/sharing/share-keys";
import { ShareLinkRow } from "@/components/sharing/share-link-row";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { CopyField } from "@/components/ui/copy-field";
import {
  Dialog,
  DialogClose,
  DialogContent,
  DialogHeader,
  DialogTitle,
} from "@/components/ui/dialog";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { Spinner } from "@/components/ui/spinner";
import { Switch } from "@/components/ui/switch";
import { RoleSelect } from "@/components/workspaces/role-select";
import { createShareLinkAction } from "@/lib/actions/sharing/create-share-link";
import { listShareLinksAction } from "@/lib/actions/sharing/list-share-links";
import { ActionError, useActionMutation } from "@/lib/queries/use-action-mutation";
import type { CreatedShareLink } from "@/lib/sharing/dto";
import { endOfLocalDay, localDay, pickableDays } from "@/lib/sharing/expiry-day";
import { createShareLinkInput, EXPIRY_PRESETS } from "@/lib/sharing/schemas";

type ShareInput = z.input<typeof createShareLinkInput>;

/**
 * The share dialog itself, fetched on the first press of Share (see share-dialog.tsx): the form
 * library, the schema and the dialog primitives load only for people who share.
 */
export function ShareDialogPanel(props: {
  slug: string;
  target: ShareTargetProp;
  open: boolean;
  onOpenChange: (open: boolean) => void;
  /** The Share button, which gets focus back when the dialog closes. */
  trigger: RefObject<HTMLButtonElement | null>;
}) {
  const t = useTranslations("sharing");
  return (
    <Dialog open={props.open} onOpenChange={props.onOpenChange}>
      {/* Mounted only while open: each opening starts a fresh form. */}
      <DialogContent
        data-testid="share-dialog"
        closeLabel={t("close")}
        aria-describedby={undefined}
        onCloseAutoFocus={(e) => {
          // Radix returns focus to its own trigger; the Share button is a plain one.
          e.preventDefault();
          props.trigger.current?.focus();
        }}
      >
        <ShareDialogBody slug={props.slug} target={props.target} />
      </DialogContent>
    </Dialog>
  );
}

function ShareDialogBody(props: { slug: string; target: ShareTargetProp }) {
  const t = useTranslations("sharing");
  const qc = useQueryClient();
  const [created, setCreated] = useState<CreatedShareLink | null>(null);
  // The server's own schema, with the target's fields carried as they are.
  const form = useForm<ShareInput, unknown, z.output<typeof createShareLinkInput>>({
    resolver: zodResolver(createShareLinkInput),
    defaultValues: {
      workspaceSlug: props.slug,
      targetType: props.target.type,
      generationId: props.target.type === "generation" ? props.target.generationId : undefined,
      collectionId: props.target.type === "collection" ? props.target.collectionId : undefined,
      shotId: props.target.type === "shot" ? props.target.shotId : undefined,
      title: "",
      expiry: "7d",
      password: "",
      allowDownload: false,
      showPrompt: true,
    },
  });

  const links = useQuery({
    queryKey: shareKeys.target(props.slug, props.target),
    queryFn: () =>
      unwrap(
        listShareLinksAction({
          workspaceSlug: props.slug,
          generationId: props.target.type === "generation" ? props.target.generationId : undefined,
          collectionId: props.target.type === "collection" ? props.target.collectionId : undefined,
          shotId: props.target.type === "shot" ? props.target.shotId : undefined,
        }),
      ),
    select: (all) => all.filter((l) => l.targetType === props.target.type && l.status === "active"),
  });

  const create = useActionMutation(
    (values: z.output<typeof createShareLinkInput>) =>
      createShareLinkAction({
        ...values,
        title: values.title || undefined,
        expiresAt: values.expiry === "date" ? values.expiresAt : undefined,
        password: values.password || undefined,
      }),
    {
      onSuccess: (result) => {
        setCreated(result);
        form.setValue("password", "");
        void qc.invalidateQueries({ queryKey: shareKeys.all(props.slug) });
      },
      onError: (error) => {
        // The server's field problems shown where the client's would be.
        for (const name of ["password", "expiresAt"] as const) {
          const message = error instanceof ActionError ? error.fields?.[name] : undefined;
          if (message) form.setError(name, { message });
        }
      },
    },
  );

  const errors = form.formState.errors;
  const error = create.error;
  const fieldProblem =
    error instanceof ActionError && (error.fields?.password || error.fields?.expiresAt);
  const expiry = form.watch("expiry");
  // Calendar days where the sharer is, as the server's check allows them.
  const days = pickableDays();

  return (
    <>
      <DialogHeader>
        <DialogTitle>{t(`dialogTitle.${props.target.type}`)}</DialogTitle>
      </DialogHeader>

      {created ? (
        <div className="space-y-4 px-5 py-5">
          <p className="text-[13px] text-fg-muted">{t("createdBody")}</p>
          <CopyField value={created.url} label={t("urlLabel")} testId="share-url" />
          <div className="flex justify-end gap-2">
            <Button variant="ghost" onClick={() => setCreated(null)}>
              {t("another")}
            </Button>
            <DialogClose asChild>
              <Button>{t("done")}</Button>
            </DialogClose>
          </div>
        </div>
      ) : (
        <form
          onSubmit={form.handleSubmit((values) => create.mutate(values))}
          className="space-y-4 px-5 py-5"
        >
          <Field label={t("titleLabel")}>
            {(control) => (
              <Input
                {...control}
                {...form.register("title")}
                placeholder={t("titlePlaceholder")}
                maxLength={120}
              />
            )}
          </Field>
          <Field label={t("expiry")} error={errors.expiresAt ? t("expiryOutOfRange") : null}>
            {(control) => (
              <div className="flex gap-2">
                <Controller
                  control={form.control}
                  name="expiry"
                  render={({ field }) => (
                    <RoleSelect
                      id={control.id}
                      aria-describedby={control["aria-describedby"]}
                      value={field.value ?? "7d"}
                      onChange={field.onChange}
                      options={EXPIRY_PRESETS.map((e) => ({ value: e, label: t(`expiries.${e}`) }))}
                      className="h-10 min-w-0 flex-1"
                    />
                  )}
                />
                {expiry === "date" && (
                  <Controller
                    control={form.control}
                    name="expiresAt"
                    render={({ field }) => (
                      <Input
                        type="date"
                        aria-label={t("expiryDate")}
                        aria-invalid={control["aria-invalid"]}
                        aria-describedby={control["aria-describedby"]}
                        // Shown as the sharer's calendar day; kept as the end of that day.
                        value={field.value ? localDay(new Date(field.value)) : ""}
                        min={days.min}
                        max={days.max}
                        required
                        onChange={(e) =>
                          field.onChange(endOfLocalDay(e.target.value)?.toISOString() ?? "")
                        }
                        className="w-auto px-2.5"
                      />
                    )}
                  />
                )}
              </div>
            )}
          </Field>
          <Field label={t("passwordLabel")} error={errors.password ? t("passwordShort") : null}>
            {(control) => (
              <Input
                {...control}
                {...form.register("password")}
                type="password"
                autoComplete="new-password"
                placeholder={t("passwordPlaceholder")}
              />
            )}
          </Field>
          <Controller
            control={form.control}
            name="allowDownload"
            render={({ field }) => (
              <Field label={t("allowDownload")} inline>
                {(control) => (
                  <Switch
                    id={control.id}
                    checked={field.value ?? false}
                    onCheckedChange={field.onChange}
                  />
                )}
              </Field>
            )}
          />
          <Controller
            control={form.control}
            name="showPrompt"
            render={({ field }) => (
              <Field label={t("showPrompt")} inline>
                {(control) => (
                  <Switch
                    id={control.id}
                    checked={field.value ?? false}
                    onCheckedChange={field.onChange}
                  />
                )}
              </Field>
            )}
          />
          {error && !fieldProblem && (
            <Alert>
              {error instanceof ActionError && error.code === "conflict"
                ? t("notReady")
                : error instanceof ActionError && error.code === "forbidden"
                  ? t("forbidden")
                  : t("error")}
            </Alert>
          )}
          <div className="flex justify-end">
            <Button type="submit" disabled={create.isPending}>
              {create.isPending && <Spinner />}
              {t("createLink")}
            </Button>
          </div>
        </form>
      )}

      <div className="border-t border-line-soft px-5 py-4">
        <h3 className="text-[13px] font-medium text-fg-muted">{t("activeLinks")}</h3>
        {links.isPending ? (
          <Spinner className="mt-3 text-fg-subtle" />
        ) : links.data?.length ? (
          <ul className="mt-2 divide-y divide-line-soft">
            {links.data.map((l) => (
              <ShareLinkRow key={l.id} slug={props.slug} link={l} compact />
            ))}
          </ul>
        ) : (
          <p className="mt-1.5 text-[13px] text-fg-muted">{t("noLinks")}</p>
        )}
      </div>
    </>
  );
}
