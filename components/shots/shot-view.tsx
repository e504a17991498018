"use client";
import Link from "next/link";
import { useTranslations } from "next-intl";
import { useMemo, useState } from "react";
import { CancelButton } from "@/components/gallery/cancel-button";
import { GenerationPoster } from "@/components/gallery/generation-poster";
import { mayCancel, statusKind, type Viewer } from "@/components/gallery/status";
import { StatusBadge } from "@/components/gallery/status-badge";
import { usePlaySrc } from "@/components/hooks/use-play-src";
import { DeleteOthersButton } from "@/components/shots/delete-others-button";
import { KeepButton } from "@/components/shots/keep-button";
import { ShotActions } from "@/components/shots/shot-actions";
import { takeHref } from "@/components/shots/shot-links";
import { Transport } from "@/components/shots/transport";
import { type SyncedVideos, useSyncedVideos } from "@/components/shots/use-synced-videos";
import { BackToVideos } from "@/components/studio/back-to-videos";
import { useLiveConnected } from "@/components/studio/live-updates";
import { Button, buttonClasses } from "@/components/ui/button";
import { cn } from "@/components/ui/cn";
import { EnlargeIcon, ShrinkIcon, SoundOffIcon, SoundOnIcon } from "@/components/ui/icons";
import type { GenerationDto, GenerationPage } from "@/lib/generations/dto";
import { comparableTakes } from "@/lib/generations/shots";
import { useGenerations } from "@/lib/queries/use-generations";

/**
 * A shot's takes at full size, side by side (one above the other on a phone), played on one
 * timeline so they can be judged against each other; Keep marks the one chosen.
 */
export function ShotView(props: {
  slug: string;
  shotId: string;
  initial: GenerationPage;
  canGenerate: boolean;
  viewer: Viewer;
}) {
  const t = useTranslations("shots");
  const live = useLiveConnected();
  const query = useGenerations({
    slug: props.slug,
    live,
    filters: { shot: props.shotId },
    initialPage: props.initial,
    initialIsFiltered: true,
  });
  const takes = useMemo(
    () =>
      (query.data?.pages.flatMap((p) => p.items) ?? []).sort((a, b) => a.shot.take - b.shot.take),
    [query.data],
  );
  const ready = useMemo(() => comparableTakes(takes), [takes]);
  const sync = useSyncedVideos(useMemo(() => ready.map((g) => g.id), [ready]));
  const [enlarged, setEnlarged] = useState<string | null>(null);
  const [audible, setAudible] = useState<string | null>(null);
  const [report, setReport] = useState("");
  const kept = takes.find((g) => g.shot.kept);
  const first = takes[0];

  if (!first) {
    return (
      <div data-testid="shot-gone">
        <BackToVideos slug={props.slug} />
        <div className="mt-4 rounded-2xl border border-dashed border-line-strong bg-surface px-6 py-14 text-center">
          <h1 className="text-[15px] font-semibold text-fg">{t("gone")}</h1>
          <p className="mt-1 text-[13px] text-fg-muted">{t("goneBody")}</p>
        </div>
      </div>
    );
  }
  const mayManage = (g: GenerationDto) =>
    props.canGenerate && (g.author.id === props.viewer.id || props.viewer.manageAny);

  return (
    <div data-testid="shot-view">
      <BackToVideos slug={props.slug} />
      <header className="mt-3 space-y-1.5">
        <h1 className="text-lg font-semibold tracking-tight text-fg">
          {t("heading", { takes: first.shot.takes })}
        </h1>
        <p className="line-clamp-3 max-w-3xl text-[13px] leading-5 whitespace-pre-line text-fg-muted">
          {first.prompt}
        </p>
      </header>
      {props.canGenerate && (
        <ShotActions
          slug={props.slug}
          shotId={props.shotId}
          takes={takes}
          canDelete={takes.every(mayManage)}
          onReport={setReport}
        />
      )}

      {ready.length >= 1 && <Transport sync={sync} className="sticky top-14 z-20 mt-4" />}
      {ready.length < takes.length && (
        <p className="mt-3 text-[13px] text-fg-muted">
          {t("fewReady", { ready: ready.length, takes: takes.length })}
        </p>
      )}

      <ul className="mt-4 grid grid-cols-1 gap-4 md:grid-cols-2">
        {takes.map((g) => (
          <li key={g.id} className={cn(enlarged === g.id && "md:col-span-2")}>
            <TakeTile
              slug={props.slug}
              g={g}
              sync={sync}
              enlarged={enlarged === g.id}
              onEnlarge={(on) => setEnlarged(on ? g.id : null)}
              audible={audible === g.id}
              onAudible={(on) => setAudible(on ? g.id : null)}
              canKeep={mayManage(g)}
              canCancel={props.canGenerate && mayCancel(g, statusKind(g), props.viewer)}
            />
          </li>
        ))}
      </ul>

      {kept && takes.length > 1 && mayManage(kept) && (
        <div className="mt-6 flex flex-col items-start gap-2 border-t border-line-soft pt-4">
          <p className="text-[13px] text-fg-muted">{t("keptNote")}</p>
          <DeleteOthersButton slug={props.slug} keptId={kept.id} onDone={setReport} />
        </div>
      )}
      <p role="status" className="mt-3 text-[13px] text-fg-muted">
        {report}
      </p>
    </div>
  );
}

function TakeTile(props: {
  slug: string;
  g: GenerationDto;
  sync: SyncedVideos;
  enlarged: boolean;
  onEnlarge: (on: boolean) => void;
  audible: boolean;
  onAudible: (on: boolean) => void;
  canKeep: boolean;
  canCancel: boolean;
}) {
  const t = useTranslations("shots");
  const tg = useTranslations("gallery");
  const { g, sync } = props;
  const kind = statusKind(g);
  const play = usePlaySrc(g.media);
  const isReady = kind === "ready";
  return (
    <figure
      data-testid="take-tile"
      data-id={g.id}
      data-state={g.state}
      className={cn(
        "overflow-hidden rounded-2xl bg-surface shadow-xs ring-1",
        g.shot.kept ? "ring-2 ring-accent-500" : "ring-line/80",
      )}
    >
      <div className="relative aspect-video bg-black">
        {isReady ? (
          // biome-ignore lint/a11y/useMediaCaption: generated videos come without any caption track
          <video
            data-testid="take-video"
            src={play.src}
            ref={(video) => {
              play.ref(video);
              sync.register(g.id)(video);
              if (video) video.muted = !props.audible;
              return () => sync.register(g.id)(null);
            }}
            onError={play.onError}
            poster={g.media.posterUrl ?? undefined}
            playsInline
            preload="auto"
            // The shared transport plays and pauses every take; a click here does the same.
            onClick={() => (sync.playing ? sync.pause() : sync.play())}
            className="size-full object-contain"
          />
        ) : (
          <div className="absolute inset-0 flex flex-col items-center justify-center gap-2">
            <GenerationPoster g={g} kind={kind} sizes="50vw" decorative />
            <StatusBadge kind={kind} since={g.createdAt} solid live={false} className="relative" />
            {props.canCancel && (
              <CancelButton slug={props.slug} generationId={g.id} className="relative" />
            )}
          </div>
        )}
      </div>
      <figcaption className="flex flex-wrap items-center gap-2 px-3 py-2.5">
        <span className="text-[13px] font-medium text-fg tabular-nums">
          {tg("take", { take: g.shot.take, takes: g.shot.takes })}
        </span>
        {isReady && (
          <>
            <Button
              variant="ghost"
              size="sm"
              className="px-2"
              aria-pressed={props.audible}
              aria-label={t("soundOn", { take: g.shot.take })}
              title={t("soundOn", { take: g.shot.take })}
              onClick={() => props.onAudible(!props.audible)}
            >
              {props.audible ? (
                <SoundOnIcon className="size-4" />
              ) : (
                <SoundOffIcon className="size-4" />
              )}
            </Button>
            <Button
              variant="ghost"
              size="sm"
              className="px-2 max-md:hidden"
              aria-pressed={props.enlarged}
              aria-label={props.enlarged ? t("together") : t("enlarge", { take: g.shot.take })}
              title={props.enlarged ? t("together") : t("enlarge", { take: g.shot.take })}
              onClick={() => props.onEnlarge(!props.enlarged)}
            >
              {props.enlarged ? (
                <ShrinkIcon className="size-4" />
              ) : (
                <EnlargeIcon className="size-4" />
              )}
            </Button>
          </>
        )}
        <span className="ml-auto flex items-center gap-2">
          <Link
            href={takeHref(props.slug, g.id)}
            className={buttonClasses({ variant: "ghost", size: "sm" })}
          >
            {t("open", { take: g.shot.take })}
          </Link>
          {props.canKeep && isReady && <KeepButton slug={props.slug} g={g} />}
        </span>
      </figcaption>
    </figure>
  );
}
