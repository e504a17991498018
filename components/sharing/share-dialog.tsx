"use client";
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { type FormEvent, useState } from "react";
import { unwrap } from "@/components/collections/queries";
import { type ShareTargetProp, shareKeys } from "@/components/sharing/share-keys";
import { ShareLinkRow } from "@/components/sharing/share-link-row";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import {
  Dialog,
  DialogClose,
  DialogContent,
  DialogHeader,
  DialogTitle,
  DialogTrigger,
} from "@/components/ui/dialog";
import { CheckIcon, CopyIcon, ShareIcon } from "@/components/ui/icons";
import { Spinner } from "@/components/ui/spinner";
import { Switch } from "@/components/ui/switch";
import { TextField } from "@/components/ui/text-field";
import { RoleSelect } from "@/components/workspaces/role-select";
import { createShareLinkAction } from "@/lib/actions/sharing/create-share-link";
import { listShareLinksAction } from "@/lib/actions/sharing/list-share-links";
import { ActionError, useActionMutation } from "@/lib/queries/use-action-mutation";
import type { CreatedShareLink } from "@/lib/sharing/dto";
import { endOfLocalDay, pickableDays } from "@/lib/sharing/expiry-day";

const EXPIRIES = ["never", "1d", "7d", "30d", "date"] as const;

/** "Share": a dialog that makes a link (with expiry, password, download, prompt) and lists this target's links. */
export function ShareDialog(props: {
  slug: string;
  target: ShareTargetProp;
  variant?: "primary" | "secondary" | "ghost";
  size?: "sm" | "md";
  label?: string;
}) {
  const t = useTranslations("sharing");
  return (
    <Dialog>
      <DialogTrigger asChild>
        <Button variant={props.variant ?? "secondary"} size={props.size} data-testid="share-button">
          <ShareIcon className="size-4" />
          {props.label ?? t("share")}
        </Button>
      </DialogTrigger>
      {/* Mounted only while open: each opening starts a fresh form. */}
      <DialogContent
        data-testid="share-dialog"
        closeLabel={t("close")}
        aria-describedby={undefined}
      >
        <ShareDialogBody slug={props.slug} target={props.target} />
      </DialogContent>
    </Dialog>
  );
}

function ShareDialogBody(props: { slug: string; target: ShareTargetProp }) {
  const t = useTranslations("sharing");
  const qc = useQueryClient();
  const [expiry, setExpiry] = useState<(typeof EXPIRIES)[number]>("7d");
  const [date, setDate] = useState("");
  const [password, setPassword] = useState("");
  const [title, setTitle] = useState("");
  const [allowDownload, setAllowDownload] = useState(false);
  const [showPrompt, setShowPrompt] = useState(true);
  const [created, setCreated] = useState<CreatedShareLink | null>(null);

  const links = useQuery({
    queryKey: shareKeys.target(props.slug, props.target),
    queryFn: () =>
      unwrap(
        listShareLinksAction({
          workspaceSlug: props.slug,
          generationId: props.target.type === "generation" ? props.target.generationId : undefined,
          collectionId: props.target.type === "collection" ? props.target.collectionId : undefined,
        }),
      ),
    select: (all) => all.filter((l) => l.targetType === props.target.type && l.status === "active"),
  });

  const create = useActionMutation(
    () =>
      createShareLinkAction({
        workspaceSlug: props.slug,
        targetType: props.target.type,
        generationId: props.target.type === "generation" ? props.target.generationId : undefined,
        collectionId: props.target.type === "collection" ? props.target.collectionId : undefined,
        title: title || undefined,
        expiry,
        // The end of the chosen day, where the sharer is.
        expiresAt: expiry === "date" ? endOfLocalDay(date)?.toISOString() : undefined,
        password: password || undefined,
        allowDownload,
        showPrompt,
      }),
    {
      onSuccess: (result) => {
        setCreated(result);
        setPassword("");
        void qc.invalidateQueries({ queryKey: shareKeys.all(props.slug) });
      },
    },
  );

  function onSubmit(e: FormEvent) {
    e.preventDefault();
    create.mutate(undefined);
  }

  const error = create.error;
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
          <CopyField url={created.url} />
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
        <form onSubmit={onSubmit} className="space-y-4 px-5 py-5">
          <TextField
            id="share-title"
            label={t("titleLabel")}
            placeholder={t("titlePlaceholder")}
            value={title}
            maxLength={120}
            onChange={(e) => setTitle(e.target.value)}
          />
          <div className="space-y-1.5">
            <label htmlFor="share-expiry" className="block text-[13px] font-medium text-fg-soft">
              {t("expiry")}
            </label>
            <div className="flex gap-2">
              <RoleSelect
                id="share-expiry"
                value={expiry}
                onChange={(v) => setExpiry(EXPIRIES.find((e) => e === v) ?? "7d")}
                options={EXPIRIES.map((e) => ({ value: e, label: t(`expiries.${e}`) }))}
                className="h-10 min-w-0 flex-1"
              />
              {expiry === "date" && (
                <input
                  type="date"
                  aria-label={t("expiryDate")}
                  value={date}
                  min={days.min}
                  max={days.max}
                  required
                  onChange={(e) => setDate(e.target.value)}
                  className="h-10 rounded-lg bg-surface px-2.5 text-sm shadow-xs ring-1 ring-inset ring-line focus:ring-2 focus:ring-accent-500 focus:outline-none"
                />
              )}
            </div>
          </div>
          <TextField
            id="share-password"
            type="password"
            autoComplete="new-password"
            label={t("passwordLabel")}
            placeholder={t("passwordPlaceholder")}
            value={password}
            onChange={(e) => setPassword(e.target.value)}
            error={
              error instanceof ActionError && error.fields?.password ? t("passwordShort") : null
            }
          />
          <Toggle
            id="share-download"
            label={t("allowDownload")}
            checked={allowDownload}
            onChange={setAllowDownload}
          />
          <Toggle
            id="share-prompt"
            label={t("showPrompt")}
            checked={showPrompt}
            onChange={setShowPrompt}
          />
          {error && !(error instanceof ActionError && error.fields?.password) && (
            <Alert>
              {error instanceof ActionError && error.fields?.expiresAt
                ? t("expiryOutOfRange")
                : error instanceof ActionError && error.code === "conflict"
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

function Toggle(props: {
  id: string;
  label: string;
  checked: boolean;
  onChange: (v: boolean) => void;
}) {
  return (
    <div className="flex items-center justify-between gap-4">
      <label htmlFor={props.id} className="text-[13px] font-medium text-fg">
        {props.label}
      </label>
      <Switch id={props.id} checked={props.checked} onCheckedChange={props.onChange} />
    </div>
  );
}

function CopyField({ url }: { url: string }) {
  const t = useTranslations("sharing");
  const [copied, setCopied] = useState(false);
  return (
    <div className="flex gap-2">
      <input
        readOnly
        value={url}
        data-testid="share-url"
        onFocus={(e) => e.currentTarget.select()}
        className="h-10 min-w-0 flex-1 rounded-lg bg-canvas px-3 font-mono text-xs text-fg ring-1 ring-inset ring-line"
      />
      <Button
        variant="secondary"
        onClick={() =>
          void navigator.clipboard?.writeText(url).then(() => {
            setCopied(true);
            setTimeout(() => setCopied(false), 1800);
          })
        }
      >
        {copied ? <CheckIcon className="size-4 text-success" /> : <CopyIcon className="size-4" />}
        {copied ? t("copied") : t("copy")}
      </Button>
    </div>
  );
}
