"use client";
import { type SyntheticEvent, useCallback, useState } from "react";
import type { GenerationDto } from "@/lib/generations/dto";

const pathOf = (url: string | null) => url?.split("?")[0] ?? null;

/**
 * The src a <video> plays a generation's video from: its signed link (playUrl), kept for as long
 * as the same video is shown — the studio reissues links with later expiries, and a new src would
 * reload a playing video from the start. If the link fails (a page left open past its expiry), the
 * player switches to the member route (videoUrl) where it was. Spread `ref` and `onError` on the
 * element: the ref catches a failure that came before the page was hydrated.
 */
export function usePlaySrc(media: GenerationDto["media"]): {
  src: string | undefined;
  onError: (e: SyntheticEvent<HTMLVideoElement>) => void;
  ref: (video: HTMLVideoElement | null) => void;
} {
  const [shown, setShown] = useState({ path: pathOf(media.playUrl), src: media.playUrl });
  const path = pathOf(media.playUrl);
  if (path !== shown.path) setShown({ path, src: media.playUrl });

  const fallback = media.videoUrl;
  const usingFallback = shown.src === fallback;
  const fallBack = useCallback(
    (video: HTMLVideoElement) => {
      if (!fallback || usingFallback) return;
      const at = video.currentTime;
      const playing = !video.paused;
      video.addEventListener(
        "loadedmetadata",
        () => {
          if (at > 0) video.currentTime = at;
          if (playing) void video.play().catch(() => {});
        },
        { once: true },
      );
      setShown({ path, src: fallback });
    },
    [fallback, usingFallback, path],
  );
  const ref = useCallback(
    (video: HTMLVideoElement | null) => {
      if (video?.error) fallBack(video);
    },
    [fallBack],
  );
  return { src: shown.src ?? undefined, onError: (e) => fallBack(e.currentTarget), ref };
}
