"use client";
import Image from "next/image";
import { isBusy, type StatusKind } from "@/components/gallery/status";
import { usePlaySrc } from "@/components/hooks/use-play-src";
import { cn } from "@/components/ui/cn";
import { AlertIcon, FilmIcon, HelpIcon } from "@/components/ui/icons";
import type { GenerationDto } from "@/lib/generations/dto";

/**
 * The card's picture: the stored poster, else the video's first frame, else a quiet
 * placeholder that shimmers while the video is on its way.
 */
export function GenerationPoster(props: {
  g: GenerationDto;
  kind: StatusKind;
  sizes: string;
  /** Above the fold: load at once rather than lazily. */
  eager?: boolean;
  /** Only the backdrop, for a caller that draws its own content on top. */
  decorative?: boolean;
}) {
  const { posterUrl, videoUrl } = props.g.media;
  const play = usePlaySrc(props.g.media);
  if (posterUrl) {
    // Unoptimized: the poster sits behind the session cookie, which Next's optimizer doesn't send.
    return (
      <Image
        src={posterUrl}
        alt=""
        fill
        unoptimized
        loading={props.eager ? "eager" : "lazy"}
        sizes={props.sizes}
        className="object-cover"
      />
    );
  }
  if (videoUrl) {
    return (
      <video
        aria-hidden="true"
        tabIndex={-1}
        src={play.src && `${play.src}#t=0.1`}
        ref={play.ref}
        onError={play.onError}
        muted
        playsInline
        preload="metadata"
        className="absolute inset-0 size-full object-cover"
      />
    );
  }
  return <Placeholder kind={props.kind} withIcon={!props.decorative} />;
}

function Placeholder({ kind, withIcon }: { kind: StatusKind; withIcon: boolean }) {
  const busy = isBusy(kind);
  const Icon = kind === "unknown" ? HelpIcon : busy || kind === "ready" ? FilmIcon : AlertIcon;
  return (
    <div
      aria-hidden="true"
      className={cn(
        "absolute inset-0 flex items-center justify-center overflow-hidden",
        busy && "bg-gradient-to-br from-muted via-accent-50 to-muted",
        kind === "unknown" && "bg-warning-soft/70",
        !busy && kind !== "unknown" && "bg-muted",
      )}
    >
      {busy && (
        <div className="absolute inset-0 animate-shimmer bg-gradient-to-r from-transparent via-surface/60 to-transparent" />
      )}
      {withIcon && (
        <Icon
          className={cn(
            "relative size-8",
            busy ? "text-accent-200" : kind === "unknown" ? "text-warning/60" : "text-fg-faint",
          )}
        />
      )}
    </div>
  );
}
