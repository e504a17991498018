"use client";
import { Maximize } from "lucide-react";
import { useTranslations } from "next-intl";
import { type ReactNode, useState } from "react";
import { CollectionMenu } from "@/components/collections/collection-menu";
import { FavoriteButton } from "@/components/collections/favorite-button";
import { CancelButton } from "@/components/gallery/cancel-button";
import { preloadViewer } from "@/components/gallery/gallery-viewer";
import { GenerationPoster } from "@/components/gallery/generation-poster";
import { ProblemNote } from "@/components/gallery/problem-note";
import { RetryButton } from "@/components/gallery/retry-button";
import {
  isProblem,
  mayCancel,
  mayDelete,
  mayRetry,
  refusedAsWritten,
  statusKind,
  type Viewer,
} from "@/components/gallery/status";
import { StatusBadge } from "@/components/gallery/status-badge";
import { DeleteGenerationButton } from "@/components/generation/delete-generation-button";
import { formatDuration } from "@/components/generation/format";
import { UsePromptButton } from "@/components/generation/use-prompt-button";
import { usePlaySrc } from "@/components/hooks/use-play-src";
import { useModelText } from "@/components/models/use-model-text";
import { Badge } from "@/components/ui/badge";
import { cn } from "@/components/ui/cn";
import { KeepIcon } from "@/components/ui/icons";
import { IntentLink } from "@/components/ui/intent-link";
import { RelativeTime } from "@/components/ui/local-time";
import type { GenerationDto } from "@/lib/generations/dto";
import { promptTitle } from "@/lib/generations/prompt-title";

const POSTER_SIZES = "(min-width: 1280px) 300px, (min-width: 640px) 45vw, 100vw";

export function GenerationCard(props: {
  g: GenerationDto;
  slug: string;
  canGenerate: boolean;
  viewer: Viewer;
  /** One of the first cards, likely on screen at load. */
  eager?: boolean;
  /** The smallest posters: the card keeps only what fits. */
  compact?: boolean;
  /** The card stands for a shot of several takes: its id, and the strip to switch between them. */
  shotId?: string;
  strip?: ReactNode;
  /** Opens this video in the gallery's full-screen viewer. */
  onWatch?: () => void;
}) {
  const t = useTranslations("gallery");
  const { summary: modelSummary } = useModelText();
  const { g } = props;
  const kind = statusKind(g);
  const [previewing, setPreviewing] = useState(false);
  const href = `/w/${encodeURIComponent(props.slug)}/g/${encodeURIComponent(g.id)}`;
  const videoUrl = g.media.videoUrl;
  const play = usePlaySrc(g.media);
  // Nothing to show but why: the reason and its actions take the picture's place.
  const withNote = isProblem(kind) || kind === "queued" || kind === "held";

  return (
    <article
      data-testid="generation-card"
      data-state={g.state}
      data-id={g.id}
      data-shot={props.shotId}
      onPointerEnter={(e) => e.pointerType === "mouse" && videoUrl && setPreviewing(true)}
      onPointerLeave={() => setPreviewing(false)}
      className={cn(
        "group relative flex flex-col overflow-hidden rounded-xl bg-surface shadow-xs ring-1 ring-line/80 transition",
        "hover:shadow-md hover:ring-line-strong",
        "has-[a:focus-visible]:ring-2 has-[a:focus-visible]:ring-accent-500",
      )}
    >
      <div className="relative aspect-video overflow-hidden bg-muted">
        <GenerationPoster
          g={g}
          kind={kind}
          sizes={POSTER_SIZES}
          eager={props.eager}
          decorative={withNote}
        />
        {previewing && videoUrl && (
          // A silent preview on hover, like a video library; the detail view has the real player.
          <video
            aria-hidden="true"
            tabIndex={-1}
            src={play.src}
            ref={play.ref}
            onError={play.onError}
            autoPlay
            muted
            loop
            playsInline
            className="absolute inset-0 size-full object-cover"
          />
        )}
        <StatusBadge
          kind={kind}
          since={g.createdAt}
          solid
          live={false}
          className="absolute top-2 left-2"
        />
        {g.shot.takes > 1 && (
          <span
            data-testid="take-label"
            className="absolute top-2 right-2 inline-flex items-center gap-1 rounded bg-black/60 px-1.5 py-0.5 text-[11px] font-medium text-white tabular-nums backdrop-blur"
          >
            {g.shot.kept && (
              <>
                <KeepIcon className="size-3" />
                <span className="sr-only">{t("kept")} </span>
              </>
            )}
            {t("take", { take: g.shot.take, takes: g.shot.takes })}
          </span>
        )}
        {withNote && (
          // What went wrong, where the picture would be: every card keeps the grid's rhythm,
          // and the video's page has the whole story.
          <div className="absolute inset-0 z-10 flex flex-col items-center justify-center gap-2 px-3 pt-8 pb-2 text-center">
            <ProblemNote
              g={g}
              kind={kind}
              className={props.compact ? "line-clamp-2" : "line-clamp-3"}
            />
            {props.canGenerate && (
              <div className="flex flex-wrap items-start justify-center gap-1.5">
                {mayRetry(g, props.viewer) && <RetryButton slug={props.slug} generationId={g.id} />}
                {mayCancel(g, kind, props.viewer) && (
                  <CancelButton slug={props.slug} generationId={g.id} />
                )}
                {/* Refused as written: the way on is to change the prompt. */}
                {!props.compact && kind === "error" && refusedAsWritten(g) && (
                  <UsePromptButton
                    slug={props.slug}
                    prompt={g.prompt}
                    promptOptimizer={g.promptOptimizer}
                    variant="small"
                  />
                )}
                {/* A failure can be cleared away from the gallery, without opening it. */}
                {mayDelete(g, kind, props.viewer) && (
                  <DeleteGenerationButton slug={props.slug} generationId={g.id} compact />
                )}
              </div>
            )}
          </div>
        )}
        {props.onWatch && <WatchHere onWatch={props.onWatch} name={promptTitle(g.prompt, 60)} />}
        {!withNote && (
          <span className="absolute bottom-2 left-2 flex items-end gap-1.5">
            {g.startImage && (
              // biome-ignore lint/performance/noImgElement: the member route serves the stored image as it is
              <img
                src={g.startImage.url}
                alt={t("startedFrom")}
                title={t("startedFrom")}
                loading="lazy"
                className="h-7 max-w-12 rounded object-cover ring-1 ring-white/70"
              />
            )}
            <span
              data-testid="card-model"
              className="rounded bg-black/60 px-1.5 py-0.5 text-[11px] text-white tabular-nums backdrop-blur"
            >
              {modelSummary(g)}
            </span>
          </span>
        )}
        {g.media.durationMs !== null && (
          <span className="absolute right-2 bottom-2 rounded bg-black/60 px-1.5 py-0.5 font-mono text-[11px] text-white tabular-nums backdrop-blur">
            {formatDuration(g.media.durationMs)}
          </span>
        )}
      </div>

      {props.strip}

      <div className="flex flex-1 flex-col gap-2.5 p-3.5">
        <IntentLink
          href={href}
          className={cn(
            "text-[13px] leading-5 whitespace-pre-line text-fg outline-none after:absolute after:inset-0 after:content-['']",
            props.compact ? "line-clamp-2" : "line-clamp-3",
          )}
        >
          {g.prompt}
        </IntentLink>

        <div className="mt-auto flex items-center gap-2 pt-0.5 text-[11px] text-fg-muted">
          {!props.compact && (
            <>
              <Badge tone={g.promptOptimizer ? "accent" : "neutral"}>
                {g.promptOptimizer ? t("optimizerOn") : t("optimizerOff")}
              </Badge>
              <span aria-hidden="true" className="text-fg-faint">
                ·
              </span>
            </>
          )}
          <span className="min-w-0 truncate whitespace-nowrap">
            <RelativeTime iso={g.createdAt} />
          </span>
          {props.canGenerate && (
            // Above the card's stretched link, so these buttons get their own clicks.
            <div className="relative z-10 -my-1 -mr-1.5 ml-auto flex shrink-0 items-center">
              {!props.compact && (
                <UsePromptButton
                  slug={props.slug}
                  prompt={g.prompt}
                  promptOptimizer={g.promptOptimizer}
                  variant="icon"
                />
              )}
              <CollectionMenu slug={props.slug} subject={{ generationId: g.id }} />
              <FavoriteButton slug={props.slug} generationId={g.id} />
            </div>
          )}
        </div>
      </div>
    </article>
  );
}

/** Full screen from this card: above the card's link, shown on hover or focus (always on touch). */
function WatchHere(props: { onWatch: () => void; name: string }) {
  const t = useTranslations("shortcuts");
  return (
    <button
      type="button"
      onClick={props.onWatch}
      onPointerEnter={preloadViewer}
      onFocus={preloadViewer}
      aria-label={t("openOne", { name: props.name })}
      title={t("open")}
      className={cn(
        "absolute bottom-2 left-2 z-10 inline-flex size-7 items-center justify-center rounded-md bg-black/60 text-white backdrop-blur transition-opacity",
        "focus-visible:opacity-100 focus-visible:outline-2 focus-visible:outline-white",
        "pointer-fine:opacity-0 pointer-fine:group-hover:opacity-100",
      )}
    >
      <Maximize aria-hidden="true" strokeWidth={1.75} className="size-3.5" />
    </button>
  );
}
