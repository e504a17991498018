"use client";
import { useTranslations } from "next-intl";
import { Elapsed } from "@/components/gallery/elapsed";
import { isBusy, STATUS_TONE, type StatusKind } from "@/components/gallery/status";
import { Badge } from "@/components/ui/badge";
import { cn } from "@/components/ui/cn";
import { AlertIcon, CheckIcon, ClockIcon, HelpIcon } from "@/components/ui/icons";
import { Spinner } from "@/components/ui/spinner";

function KindIcon({ kind }: { kind: StatusKind }) {
  if (isBusy(kind)) return <Spinner className="size-3" />;
  if (kind === "ready") return <CheckIcon className="size-3" />;
  if (kind === "unknown") return <HelpIcon className="size-3" />;
  return <AlertIcon className="size-3" />;
}

/**
 * The status pill. On a video's own page the label sits in a polite live region, so a change
 * ("Generating" → "Ready") is announced; the ticking counter beside it is not. In the gallery
 * (`live` false) a notice naming the video says it instead, once, rather than a bare "Ready" per
 * card.
 */
export function StatusBadge(props: {
  kind: StatusKind;
  since: string;
  className?: string;
  solid?: boolean;
  live?: boolean;
}) {
  const t = useTranslations("status");
  return (
    <span className={cn("inline-flex items-center gap-1.5", props.className)}>
      <span
        aria-live={props.live === false ? undefined : "polite"}
        aria-atomic={props.live === false ? undefined : true}
        data-testid="generation-status"
      >
        <Badge
          tone={STATUS_TONE[props.kind]}
          className={props.solid ? "shadow-sm backdrop-blur" : undefined}
        >
          <KindIcon kind={props.kind} />
          {t(`label.${props.kind}`)}
        </Badge>
      </span>
      {isBusy(props.kind) && (
        // Light, with a clock, so it does not read as a finished video's length (a dark pill).
        <span
          title={t("elapsed")}
          className={cn(
            "inline-flex items-center gap-1 text-[11px]",
            props.solid
              ? "rounded-full bg-surface/90 px-1.5 py-0.5 text-fg-muted shadow-sm backdrop-blur"
              : "text-fg-muted",
          )}
        >
          <ClockIcon aria-hidden="true" className="size-3" />
          <span className="sr-only">{t("elapsed")}</span>
          <Elapsed since={props.since} className="font-mono tabular-nums" />
        </span>
      )}
    </span>
  );
}
