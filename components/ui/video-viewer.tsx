"use client";
import * as DialogPrimitive from "@radix-ui/react-dialog";
import { ChevronLeft, ChevronRight, Download, X } from "lucide-react";
import { useTranslations } from "next-intl";
import { type KeyboardEvent, useRef } from "react";
import { cn } from "@/components/ui/cn";
import { promptTitle } from "@/lib/generations/prompt-title";

/** What the viewer shows of a video. */
export interface ViewerVideo {
  id: string;
  prompt: string | null;
  videoUrl: string;
  posterUrl: string | null;
  downloadUrl: string | null;
}

const NEXT_KEYS = new Set(["ArrowRight", "j", "J"]);
const PREVIOUS_KEYS = new Set(["ArrowLeft", "k", "K"]);

/**
 * The full-screen viewer: one video at a time on black; the arrow keys or J and K move through
 * them, Space plays and pauses, Esc leaves (focus then goes where `onClosed` puts it).
 */
export function VideoViewer(props: {
  videos: ViewerVideo[];
  index: number | null;
  onIndex: (i: number | null) => void;
  onClosed: () => void;
}) {
  const t = useTranslations("viewer");
  const player = useRef<HTMLVideoElement>(null);
  const content = useRef<HTMLDivElement>(null);
  const { videos, index } = props;
  const video = index === null ? null : videos[index];
  const count = videos.length;
  const move = (step: number) => {
    if (index === null || count === 0) return;
    props.onIndex((index + step + count) % count);
  };
  const onKeyDown = (e: KeyboardEvent) => {
    // The video's own controls use the arrows and Space while they have focus; buttons and links
    // take Space and Enter themselves.
    if (e.target instanceof HTMLVideoElement || e.altKey || e.ctrlKey || e.metaKey) return;
    if (NEXT_KEYS.has(e.key)) {
      e.preventDefault();
      move(1);
    } else if (PREVIOUS_KEYS.has(e.key)) {
      e.preventDefault();
      move(-1);
    } else if (e.key === " " && e.target === e.currentTarget) {
      e.preventDefault();
      const v = player.current;
      if (v) void (v.paused ? v.play().catch(() => {}) : v.pause());
    }
  };
  return (
    <DialogPrimitive.Root open={video != null} onOpenChange={(o) => !o && props.onIndex(null)}>
      <DialogPrimitive.Portal>
        <DialogPrimitive.Overlay className="fixed inset-0 z-50 bg-black" />
        <DialogPrimitive.Content
          ref={content}
          onKeyDown={onKeyDown}
          // The viewer itself takes focus, so Space plays rather than presses a button.
          onOpenAutoFocus={(e) => {
            e.preventDefault();
            content.current?.focus();
          }}
          onCloseAutoFocus={(e) => {
            e.preventDefault();
            props.onClosed();
          }}
          aria-describedby={undefined}
          data-testid="video-viewer"
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
                  ref={player}
                  data-testid="viewer-video"
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
