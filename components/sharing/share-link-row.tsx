"use client";
import { useQueryClient } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { shareKeys } from "@/components/sharing/share-keys";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { DownloadIcon, EyeIcon, LockIcon } from "@/components/ui/icons";
import { LocalDateTime } from "@/components/ui/local-time";
import { Spinner } from "@/components/ui/spinner";
import { revokeShareLinkAction } from "@/lib/actions/sharing/revoke-share-link";
import { ActionError, useActionMutation } from "@/lib/queries/use-action-mutation";
import type { ShareLinkDto } from "@/lib/sharing/dto";

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
      onSuccess: () => {
        void qc.invalidateQueries({ queryKey: shareKeys.all(props.slug) });
        props.onRevoked?.();
      },
    },
  );
  const label =
    link.title ??
    (link.targetType === "gallery" ? t("wholeGallery") : (link.targetLabel ?? t("deleted")));

  return (
    <li
      data-testid="share-link-row"
      data-status={link.status}
      className="flex items-center gap-3 py-2.5"
    >
      <div className="min-w-0 flex-1">
        <div className="flex items-center gap-2">
          <p className="min-w-0 truncate text-[13px] font-medium text-zinc-900">{label}</p>
          {!props.compact && (
            <Badge
              tone={
                link.status === "active" ? "green" : link.status === "expired" ? "amber" : "neutral"
              }
            >
              {t(`statuses.${link.status}`)}
            </Badge>
          )}
        </div>
        <p className="mt-0.5 flex flex-wrap items-center gap-x-2.5 gap-y-0.5 text-[11px] text-zinc-500">
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
            {link.expiresAt ? (
              <>
                {t("expires")} <LocalDateTime iso={link.expiresAt} />
              </>
            ) : (
              t("noExpiry")
            )}
          </span>
          {!props.compact && link.createdBy && (
            <span className="truncate">{link.createdBy.email}</span>
          )}
        </p>
        {revoke.error && (
          <p role="alert" className="mt-1 text-xs text-red-600">
            {revoke.error instanceof ActionError && revoke.error.code === "forbidden"
              ? t("revokeForbidden")
              : t("error")}
          </p>
        )}
      </div>
      {link.status === "active" && props.canRevoke !== false && (
        <Button
          variant="danger"
          size="sm"
          data-testid="revoke-button"
          disabled={revoke.isPending}
          onClick={() => revoke.mutate(undefined)}
        >
          {revoke.isPending && <Spinner />}
          {t("revoke")}
        </Button>
      )}
    </li>
  );
}
