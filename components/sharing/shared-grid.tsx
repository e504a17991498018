"use client";
import { Play } from "lucide-react";
import { useTranslations } from "next-intl";
import { useRef, useState } from "react";
import { formatDuration } from "@/components/generation/format";
import { useModelText } from "@/components/models/use-model-text";
import { VideoViewer } from "@/components/ui/video-viewer";
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
      <VideoViewer videos={props.videos} index={open} onIndex={show} onClosed={returnFocus} />
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
  const modelText = useModelText();
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
        <span className="absolute bottom-2 left-2 rounded bg-black/60 px-1.5 py-0.5 text-[11px] text-white tabular-nums backdrop-blur">
          {modelText.summary(video)}
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
