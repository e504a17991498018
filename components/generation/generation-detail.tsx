"use client";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import type { ReactNode } from "react";
import { CollectionMenu } from "@/components/collections/collection-menu";
import { FavoriteButton } from "@/components/collections/favorite-button";
import { CancelButton } from "@/components/gallery/cancel-button";
import { GenerationPoster } from "@/components/gallery/generation-poster";
import { ProblemNote } from "@/components/gallery/problem-note";
import { RetryButton } from "@/components/gallery/retry-button";
import {
  isBusy,
  isProblem,
  mayCancel,
  mayDelete,
  mayRetry,
  type StatusKind,
  statusKind,
  type Viewer,
} from "@/components/gallery/status";
import { StatusBadge } from "@/components/gallery/status-badge";
import { CopyPromptButton } from "@/components/generation/copy-prompt-button";
import { DeleteGenerationButton } from "@/components/generation/delete-generation-button";
import { formatBytes, formatCost, formatDuration } from "@/components/generation/format";
import { GenerationGone } from "@/components/generation/generation-gone";
import { UsePromptButton } from "@/components/generation/use-prompt-button";
import { usePlaySrc } from "@/components/hooks/use-play-src";
import { useModelText } from "@/components/models/use-model-text";
import { ShareDialog } from "@/components/sharing/share-dialog";
import { TakeNav } from "@/components/shots/take-nav";
import { BackToVideos } from "@/components/studio/back-to-videos";
import { useLiveConnected } from "@/components/studio/live-updates";
import { buttonClasses } from "@/components/ui/button";
import { cn } from "@/components/ui/cn";
import { AlertIcon, DownloadIcon, FilmIcon, HelpIcon } from "@/components/ui/icons";
import { LocalDateTime } from "@/components/ui/local-time";
import type { GenerationDto } from "@/lib/generations/dto";
import { useGeneration } from "@/lib/queries/use-generation";
import { HttpError } from "@/lib/queries/use-generations";

export function GenerationDetail(props: {
  slug: string;
  initial: GenerationDto;
  canGenerate: boolean;
  viewer: Viewer;
}) {
  const t = useTranslations("detail");
  const tm = useTranslations("models");
  const { name: modelName } = useModelText();
  const router = useRouter();
  const live = useLiveConnected();
  const { data: g, error } = useGeneration({
    slug: props.slug,
    id: props.initial.id,
    initial: props.initial,
    live,
  });
  const kind = statusKind(g);
  const galleryHref = `/w/${encodeURIComponent(props.slug)}`;
  const { media } = g;
  const play = usePlaySrc(media);

  if (error instanceof HttpError && error.status === 404) {
    // Deleted while this page was open: say so rather than show what is no longer there.
    return <GenerationGone slug={props.slug} />;
  }

  return (
    <div data-testid="generation-detail" data-state={g.state}>
      <BackToVideos slug={props.slug} />

      <div className="mt-4 grid items-start gap-6 lg:grid-cols-[minmax(0,1fr)_320px] lg:gap-8">
        <div className="min-w-0 space-y-5">
          {media.videoUrl ? (
            // biome-ignore lint/a11y/useMediaCaption: generated videos come without any caption track
            <video
              data-testid="generation-video"
              controls
              playsInline
              poster={media.posterUrl ?? undefined}
              src={play.src}
              ref={play.ref}
              onError={play.onError}
              className="aspect-video w-full rounded-2xl bg-black shadow-sm ring-1 ring-fg/10"
            />
          ) : (
            // Phones: as tall as the message needs; wider screens: the video's own frame.
            <div className="relative flex min-h-56 w-full flex-col items-center justify-center overflow-hidden rounded-2xl py-8 ring-1 ring-line sm:aspect-video sm:min-h-0">
              <GenerationPoster
                g={g}
                kind={kind}
                sizes="(min-width: 1024px) 800px, 100vw"
                eager
                decorative
              />
              <div className="relative flex max-w-md flex-col items-center gap-3 px-6 text-center">
                <StageIcon kind={kind} />
                <StatusBadge kind={kind} since={g.createdAt} />
                {isBusy(kind) && <p className="text-[13px] text-fg-muted">{t("inProgress")}</p>}
                {(isProblem(kind) || kind === "queued") && (
                  <ProblemNote g={g} kind={kind} className="text-[13px]" />
                )}
                {props.canGenerate && mayCancel(g, kind, props.viewer) && (
                  <CancelButton slug={props.slug} generationId={g.id} />
                )}
                {props.canGenerate && mayRetry(g, props.viewer) && (
                  <RetryButton
                    slug={props.slug}
                    generationId={g.id}
                    onRetried={(next) => {
                      if (next.id !== g.id) {
                        router.push(`${galleryHref}/g/${encodeURIComponent(next.id)}`);
                      }
                    }}
                  />
                )}
              </div>
            </div>
          )}

          {g.shot.takes > 1 && (
            <TakeNav
              slug={props.slug}
              g={g}
              canKeep={
                props.canGenerate && (g.author.id === props.viewer.id || props.viewer.manageAny)
              }
            />
          )}

          {/* Two even columns on a phone, so the buttons don't wrap into a ragged stack. */}
          <div className="grid grid-cols-2 items-center gap-2 sm:flex sm:flex-wrap">
            {media.downloadUrl && (
              <a
                href={media.downloadUrl}
                download
                className={buttonClasses({ variant: "primary" })}
              >
                <DownloadIcon className="size-4" />
                {t("download")}
              </a>
            )}
            <CopyPromptButton prompt={g.prompt} />
            {props.canGenerate && (
              <>
                <UsePromptButton
                  slug={props.slug}
                  prompt={g.prompt}
                  promptOptimizer={g.promptOptimizer}
                />
                {g.state === "success" && media.videoUrl && (
                  <ShareDialog
                    slug={props.slug}
                    target={{ type: "generation", generationId: g.id }}
                  />
                )}
                <CollectionMenu
                  slug={props.slug}
                  subject={{ generationId: g.id }}
                  placement="down"
                  variant="button"
                />
                <FavoriteButton
                  slug={props.slug}
                  generationId={g.id}
                  className="size-9 justify-self-start rounded-lg bg-surface shadow-xs ring-1 ring-line ring-inset"
                />
              </>
            )}
          </div>

          <section
            aria-labelledby="detail-prompt"
            className="rounded-2xl bg-surface p-4 shadow-xs ring-1 ring-line/80 sm:p-5"
          >
            <h2 id="detail-prompt" className="text-[13px] font-medium text-fg-muted">
              {t("prompt")}
            </h2>
            <p
              data-testid="generation-prompt"
              className="mt-2 text-[15px] leading-relaxed break-words whitespace-pre-wrap text-fg"
            >
              {g.prompt}
            </p>
          </section>
        </div>

        <aside className="space-y-4">
          <dl className="divide-y divide-line-soft rounded-2xl bg-surface px-4 shadow-xs ring-1 ring-line/80">
            <Row label={t("status")}>
              <span className="inline-flex items-center gap-2">
                <StatusBadge kind={kind} since={g.createdAt} />
              </span>
            </Row>
            <Row label={t("optimizer")}>{g.promptOptimizer ? t("on") : t("off")}</Row>
            <Row label={t("created")}>
              <LocalDateTime iso={g.createdAt} />
            </Row>
            <Row label={t("finished")}>{g.finishedAt && <LocalDateTime iso={g.finishedAt} />}</Row>
            <Row label={t("providerTime")}>
              {g.providerCostMs !== null && formatCost(g.providerCostMs)}
            </Row>
            <Row label={t("credits")}>
              {g.credits !== null
                ? String(g.credits)
                : // kie.ai reports the cost only in its callback; the budget counts this meanwhile.
                  g.state === "success" && t("creditsEstimated", { credits: g.estimatedCredits })}
            </Row>
            {/* The file's own figures once it is here; until then, what was asked of kie.ai. */}
            <Row label={t("duration")}>
              {media.durationMs !== null
                ? formatDuration(media.durationMs)
                : tm("seconds", { seconds: g.duration })}
            </Row>
            <Row label={t("resolution")}>
              {media.width !== null && media.height !== null
                ? `${media.width} × ${media.height} (${g.resolution})`
                : g.resolution}
            </Row>
            <Row label={t("size")}>{media.bytes !== null && formatBytes(media.bytes)}</Row>
            <Row label={t("source")}>{g.finalSource && t(`sources.${g.finalSource}`)}</Row>
            <Row label={t("author")}>
              <Email address={g.author.email} />
            </Row>
            <Row label={t("model")}>
              <span data-testid="detail-model">{modelName(g.model)}</span>
              <span className="block font-mono text-xs text-fg-muted">{g.model}</span>
            </Row>
            {g.startImage && (
              <Row label={t("startImage")}>
                <ImageLink image={g.startImage} alt={t("startedFrom")} />
              </Row>
            )}
            {g.endImage && (
              <Row label={t("endImage")}>
                <ImageLink image={g.endImage} alt={t("endedOn")} />
              </Row>
            )}
          </dl>
          {props.canGenerate && mayDelete(g, kind, props.viewer) && (
            <DeleteGenerationButton slug={props.slug} generationId={g.id} />
          )}
        </aside>
      </div>
    </div>
  );
}

function StageIcon({ kind }: { kind: StatusKind }) {
  const busy = isBusy(kind);
  const Icon = busy ? FilmIcon : kind === "unknown" ? HelpIcon : AlertIcon;
  return (
    <span
      className={cn(
        "flex size-12 items-center justify-center rounded-2xl bg-surface shadow-sm ring-1",
        busy && "text-accent-500 ring-accent-100",
        kind === "unknown" && "text-warning ring-warning-line",
        kind === "cancelled" && "text-fg-muted ring-line",
        !busy && kind !== "unknown" && kind !== "cancelled" && "text-danger ring-danger-line",
      )}
    >
      <Icon className={cn("size-6", busy && "animate-pulse")} />
    </span>
  );
}

/** One fact; an em dash when it isn't known (yet). */
/** A start or end image, small, opening at full size. */
function ImageLink(props: { image: { url: string; width: number; height: number }; alt: string }) {
  return (
    <a href={props.image.url} target="_blank" rel="noreferrer" className="inline-block">
      {/* biome-ignore lint/performance/noImgElement: the member route serves the stored image as it is */}
      <img
        src={props.image.url}
        alt={props.alt}
        className="h-16 max-w-32 rounded-md object-contain ring-1 ring-line"
      />
      <span className="mt-0.5 block text-xs text-fg-muted tabular-nums">
        {`${props.image.width} × ${props.image.height}`}
      </span>
    </a>
  );
}

function Row(props: { label: string; children: ReactNode }) {
  const empty = props.children === null || props.children === false || props.children === undefined;
  return (
    <div className="flex items-baseline justify-between gap-4 py-2.5">
      <dt className="shrink-0 text-[13px] text-fg-muted">{props.label}</dt>
      <dd className="min-w-0 text-right text-[13px] font-medium text-fg">
        {empty ? <span className="text-fg-faint">—</span> : props.children}
      </dd>
    </div>
  );
}

/** An address that wraps before its @ when it must, and mid-part only when a part is too long. */
function Email(props: { address: string }) {
  const at = props.address.lastIndexOf("@");
  if (at <= 0) return <span className="wrap-anywhere">{props.address}</span>;
  return (
    <span className="wrap-anywhere">
      {props.address.slice(0, at)}
      <wbr />
      {props.address.slice(at)}
    </span>
  );
}
