"use client";
import { isBusy, isProblem, type StatusKind, statusKind } from "@/components/gallery/status";
import { cn } from "@/components/ui/cn";
import { AlertIcon, CheckIcon, KeepIcon } from "@/components/ui/icons";
import { Spinner } from "@/components/ui/spinner";
import type { GenerationDto } from "@/lib/generations/dto";

/** A take at the size of a fingernail: its poster, or its state while it has none. */
export function TakeThumb(props: { g: GenerationDto; kind?: StatusKind; className?: string }) {
  const kind = props.kind ?? statusKind(props.g);
  const poster = props.g.media.posterUrl;
  return (
    <span
      aria-hidden="true"
      className={cn(
        "relative flex aspect-video items-center justify-center overflow-hidden rounded bg-black/80",
        props.className,
      )}
    >
      {poster ? (
        // biome-ignore lint/performance/noImgElement: a 60 px poster behind the session cookie; next/image adds nothing here
        <img
          src={poster}
          alt=""
          loading="lazy"
          className="absolute inset-0 size-full object-cover"
        />
      ) : isBusy(kind) ? (
        <Spinner className="size-3 text-white/70" />
      ) : isProblem(kind) || kind === "cancelled" ? (
        <AlertIcon className="size-3.5 text-white/70" />
      ) : (
        kind === "ready" && <CheckIcon className="size-3.5 text-white/70" />
      )}
      <span className="absolute bottom-0 left-0 rounded-tr bg-black/70 px-1 font-mono text-[10px] leading-4 text-white">
        {props.g.shot.take}
      </span>
      {props.g.shot.kept && (
        <span className="absolute top-0.5 right-0.5 rounded-full bg-black/70 p-px text-white">
          <KeepIcon className="size-3" />
        </span>
      )}
    </span>
  );
}
