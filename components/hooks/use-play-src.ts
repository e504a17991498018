"use client";
import { type SyntheticEvent, useCallback, useState } from "react";
import type { GenerationDto } from "@/lib/generations/dto";

const pathOf = (url: string | null) => url?.split("?")[0] ?? null;

/**
 * The src a <video> plays a generation's video from: its signed link (playUrl), kept for as long
 * as the same video is shown — the studio reissues links with later expiries, and a new src would
 * reload a playing video from the start. If the link fails (a page left open past its expiry), the
 * player switches, where it was, to a fresher link if one has come since, else to the member route
 * (videoUrl), which answers as long as the viewer is a member. Spread `ref` and `onError` on the
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

  // A fresher link for the same video if the studio has sent one since, else the member route.
  const fallback = media.playUrl !== shown.src ? media.playUrl : media.videoUrl;
  const usingFallback = shown.src === media.videoUrl;
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
