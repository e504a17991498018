"use client";
import * as DialogPrimitive from "@radix-ui/react-dialog";
import { ChevronLeft, ChevronRight, Download, Play, X } from "lucide-react";
import { useTranslations } from "next-intl";
import { type KeyboardEvent, useRef, useState } from "react";
import { formatDuration } from "@/components/generation/format";
import { cn } from "@/components/ui/cn";
import { promptTitle } from "@/lib/generations/prompt-title";
import type { SharedVideo } from "@/lib/sharing/get-shared-page";

/**
 * A shared collection or gallery as a wall of posters: each plays silently under the pointer,
 * and opens in a full-screen viewer where the arrow keys move through them and Esc leaves.
 */
export function SharedGrid(props: { videos: SharedVideo[] }) {
  const t = useTranslations("publicShare");
  const [open, setOpen] = useState<number | null>(null);
  const grid = useRef<HTMLUListElement>(null);
  // Leaving the viewer, focus lands on the poster of the video last watched there.
  const last = useRef(0);
  const show = (i: number | null) => {
    if (i !== null) last.current = i;
    setOpen(i);
  };
  const returnFocus = () =>
    grid.current
      ?.querySelectorAll<HTMLButtonElement>("[data-testid=shared-tile]")
      [last.current]?.focus();
  return (
    <>
      <ul ref={grid} className="grid grid-cols-2 gap-3 sm:gap-4 md:grid-cols-3 xl:grid-cols-4">
        {props.videos.map((v, i) => (
          <li key={v.id} className="flex">
            <PosterTile video={v} eager={i < 4} onOpen={() => show(i)} label={t("play")} />
          </li>
        ))}
      </ul>
      <Viewer videos={props.videos} index={open} onIndex={show} onClosed={returnFocus} />
    </>
  );
}

function PosterTile(props: {
  video: SharedVideo;
  eager: boolean;
  onOpen: () => void;
  label: string;
}) {
  const { video } = props;
  const [previewing, setPreviewing] = useState(false);
  const title = video.prompt ? promptTitle(video.prompt, 90) : null;
  return (
    <button
      type="button"
      data-testid="shared-tile"
      onClick={props.onOpen}
      onPointerEnter={(e) => e.pointerType === "mouse" && setPreviewing(true)}
      onPointerLeave={() => setPreviewing(false)}
      aria-label={title ? `${props.label}: ${title}` : props.label}
      className="group flex w-full flex-col self-stretch overflow-hidden rounded-xl bg-surface text-left shadow-xs ring-1 ring-line/80 transition hover:shadow-md hover:ring-line-strong focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-accent-500"
    >
      <span className="relative block aspect-video overflow-hidden bg-black">
        {video.posterUrl && (
          // biome-ignore lint/performance/noImgElement: a shared poster is served by the link's own route, per request
          <img
            src={video.posterUrl}
            alt=""
            loading={props.eager ? "eager" : "lazy"}
            className="absolute inset-0 size-full object-cover"
          />
        )}
        {previewing && (
          <video
            aria-hidden="true"
            tabIndex={-1}
            src={video.videoUrl}
            autoPlay
            muted
            loop
            playsInline
            className="absolute inset-0 size-full object-cover"
          />
        )}
        <span className="absolute inset-0 flex items-center justify-center opacity-0 transition-opacity group-hover:opacity-100 group-focus-visible:opacity-100">
          <span className="flex size-10 items-center justify-center rounded-full bg-black/60 text-white backdrop-blur">
            <Play aria-hidden="true" className="size-4 translate-x-px fill-current" />
          </span>
        </span>
        {video.durationMs !== null && (
          <span className="absolute right-2 bottom-2 rounded bg-black/60 px-1.5 py-0.5 font-mono text-[11px] text-white tabular-nums backdrop-blur">
            {formatDuration(video.durationMs)}
          </span>
        )}
      </span>
      {title && (
        // The padding outside the clamped box: inside it, a third line would show in the padding.
        <span className="block px-3 py-2.5 text-[13px] leading-5 text-fg">
          <span className="line-clamp-2">{title}</span>
        </span>
      )}
    </button>
  );
}

/** The full-screen viewer: one video at a time on black, arrows and keys to move, Esc to leave. */
function Viewer(props: {
  videos: SharedVideo[];
  index: number | null;
  onIndex: (i: number | null) => void;
  onClosed: () => void;
}) {
  const t = useTranslations("publicShare");
  const { videos, index } = props;
  const video = index === null ? null : videos[index];
  const count = videos.length;
  const move = (step: number) => {
    if (index === null || count === 0) return;
    props.onIndex((index + step + count) % count);
  };
  const onKeyDown = (e: KeyboardEvent) => {
    // The video's own controls use the arrows to seek while they have focus.
    if (e.target instanceof HTMLVideoElement) return;
    if (e.key === "ArrowRight") {
      e.preventDefault();
      move(1);
    } else if (e.key === "ArrowLeft") {
      e.preventDefault();
      move(-1);
    }
  };
  return (
    <DialogPrimitive.Root open={video != null} onOpenChange={(o) => !o && props.onIndex(null)}>
      <DialogPrimitive.Portal>
        <DialogPrimitive.Overlay className="fixed inset-0 z-50 bg-black" />
        <DialogPrimitive.Content
          onKeyDown={onKeyDown}
          onCloseAutoFocus={(e) => {
            e.preventDefault();
            props.onClosed();
          }}
          aria-describedby={undefined}
          data-testid="shared-viewer"
          className="fixed inset-0 z-50 flex flex-col text-white focus:outline-none"
        >
          {video && index !== null && (
            <>
              <div className="flex items-center gap-3 px-4 py-3">
                <DialogPrimitive.Title className="min-w-0 flex-1 truncate text-sm font-medium">
                  {video.prompt ? promptTitle(video.prompt, 120) : t("videoTitle")}
                </DialogPrimitive.Title>
                <span className="shrink-0 font-mono text-xs text-white/70 tabular-nums">
                  {t("position", { at: index + 1, count })}
                </span>
                {video.downloadUrl && (
                  <a
                    href={video.downloadUrl}
                    download
                    aria-label={t("download")}
                    title={t("download")}
                    className={viewerButton}
                  >
                    <Download aria-hidden="true" className="size-4" />
                  </a>
                )}
                <DialogPrimitive.Close aria-label={t("closeViewer")} className={viewerButton}>
                  <X aria-hidden="true" className="size-5" />
                </DialogPrimitive.Close>
              </div>
              <div className="relative flex min-h-0 flex-1 items-center justify-center px-2 pb-4 sm:px-16">
                {/* biome-ignore lint/a11y/useMediaCaption: generated videos come without any caption track */}
                <video
                  key={video.id}
                  data-testid="shared-viewer-video"
                  src={video.videoUrl}
                  poster={video.posterUrl ?? undefined}
                  controls
                  autoPlay
                  playsInline
                  controlsList={video.downloadUrl ? undefined : "nodownload"}
                  className="max-h-full max-w-full bg-black"
                />
                {count > 1 && (
                  <>
                    <button
                      type="button"
                      onClick={() => move(-1)}
                      aria-label={t("previous")}
                      className={cn(viewerButton, "absolute top-1/2 left-2 -translate-y-1/2")}
                    >
                      <ChevronLeft aria-hidden="true" className="size-6" />
                    </button>
                    <button
                      type="button"
                      onClick={() => move(1)}
                      aria-label={t("next")}
                      className={cn(viewerButton, "absolute top-1/2 right-2 -translate-y-1/2")}
                    >
                      <ChevronRight aria-hidden="true" className="size-6" />
                    </button>
                  </>
                )}
              </div>
            </>
          )}
        </DialogPrimitive.Content>
      </DialogPrimitive.Portal>
    </DialogPrimitive.Root>
  );
}

const viewerButton =
  "inline-flex size-10 shrink-0 items-center justify-center rounded-full bg-white/10 text-white transition-colors hover:bg-white/20 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-white";
