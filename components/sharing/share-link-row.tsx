"use client";
import { useQueryClient } from "@tanstack/react-query";
import Link from "next/link";
import { useTranslations } from "next-intl";
import { collectionHref } from "@/components/collections/collection-href";
import { shareKeys } from "@/components/sharing/share-keys";
import { Badge } from "@/components/ui/badge";
import { ConfirmButton } from "@/components/ui/confirm-button";
import { DownloadIcon, EyeIcon, LockIcon } from "@/components/ui/icons";
import { LocalDateTime } from "@/components/ui/local-time";
import { revokeShareLinkAction } from "@/lib/actions/sharing/revoke-share-link";
import { ActionError, useActionMutation } from "@/lib/queries/use-action-mutation";
import type { ShareLinkDto } from "@/lib/sharing/dto";

/** Where a link's subject is seen in the studio; null once its video or collection is gone. */
function targetHref(slug: string, link: ShareLinkDto): string | null {
  const w = `/w/${encodeURIComponent(slug)}`;
  if (link.targetType === "gallery") return w;
  if (link.targetLabel === null || link.targetDeleted) return null;
  if (link.generationId) return `${w}/g/${encodeURIComponent(link.generationId)}`;
  if (link.shotId) return `${w}/shots/${encodeURIComponent(link.shotId)}`;
  return link.collectionId ? collectionHref(slug, link.collectionId) : null;
}

/** One share link: what it shares, its options, views, and Revoke while it is active. */
export function ShareLinkRow(props: {
  slug: string;
  link: ShareLinkDto;
  compact?: boolean;
  canRevoke?: boolean;
  onRevoked?: () => void;
}) {
  const t = useTranslations("sharing");
  const qc = useQueryClient();
  const { link } = props;
  const revoke = useActionMutation(
    () => revokeShareLinkAction({ workspaceSlug: props.slug, shareLinkId: link.id }),
    {
      // Awaited, so the row stays busy until the list shows the link revoked.
      onSuccess: async () => {
        await qc.invalidateQueries({ queryKey: shareKeys.all(props.slug) });
        props.onRevoked?.();
      },
    },
  );
  const target = targetHref(props.slug, link);
  const label =
    link.title ??
    (link.targetType === "gallery" ? t("wholeGallery") : (link.targetLabel ?? t("deleted")));

  return (
    <li
      data-testid="share-link-row"
      data-status={link.status}
      className="flex flex-wrap items-center justify-end gap-x-3 gap-y-2 py-2.5"
    >
      <div className="min-w-56 flex-1">
        <div className="flex items-center gap-2">
          {target && !props.compact ? (
            <Link
              href={target}
              className="min-w-0 truncate text-[13px] font-medium text-fg hover:underline"
            >
              {label}
            </Link>
          ) : (
            <p className="min-w-0 truncate text-[13px] font-medium text-fg">{label}</p>
          )}
          {!props.compact && (
            <Badge
              tone={
                link.status === "active" ? "green" : link.status === "expired" ? "amber" : "neutral"
              }
            >
              {link.targetDeleted ? t("videoDeleted") : t(`statuses.${link.status}`)}
            </Badge>
          )}
        </div>
        <p className="mt-0.5 flex flex-wrap items-center gap-x-2.5 gap-y-0.5 text-[11px] text-fg-muted">
          {!props.compact && <span>{t(`targets.${link.targetType}`)}</span>}
          <span className="inline-flex items-center gap-1" title={t("views")}>
            <EyeIcon className="size-3" />
            {t("viewCount", { count: link.views })}
          </span>
          {link.hasPassword && (
            <span className="inline-flex items-center gap-1">
              <LockIcon className="size-3" />
              {t("protected")}
            </span>
          )}
          {link.allowDownload && (
            <span className="inline-flex items-center gap-1">
              <DownloadIcon className="size-3" />
              {t("downloadable")}
            </span>
          )}
          <span>
            {link.revokedAt ? (
              <>
                {t("revokedOn")} <LocalDateTime iso={link.revokedAt} />
              </>
            ) : link.expiresAt ? (
              <>
                {t("expires")} <LocalDateTime iso={link.expiresAt} />
              </>
            ) : (
              t("noExpiry")
            )}
          </span>
          {!props.compact && (
            <span>
              {t("createdOn")} <LocalDateTime iso={link.createdAt} />
            </span>
          )}
          {!props.compact && link.createdBy && (
            <span className="truncate">{link.createdBy.email}</span>
          )}
        </p>
        {revoke.error && (
          <p role="alert" className="mt-1 text-xs text-danger">
            {revoke.error instanceof ActionError && revoke.error.code === "forbidden"
              ? t("revokeForbidden")
              : t("error")}
          </p>
        )}
      </div>
      {link.status === "active" && props.canRevoke !== false && (
        <ConfirmButton
          testId="revoke-button"
          label={t("revoke")}
          title={t("revokeTitle")}
          question={t("revokeQuestion")}
          confirmLabel={t("revokeConfirm")}
          onConfirm={() => revoke.mutateAsync(undefined)}
        />
      )}
    </li>
  );
}
