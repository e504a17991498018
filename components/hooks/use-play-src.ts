"use client";
import { type SyntheticEvent, useCallback, useState } from "react";
import type { GenerationDto } from "@/lib/generations/dto";

type Media = Pick<GenerationDto["media"], "playUrl" | "videoUrl">;
/** What a player was given: the video (a link without its query) and the src it plays. */
export type ShownSrc = { path: string | null; src: string | null };

const pathOf = (url: string | null) => url?.split("?")[0] ?? null;

/**
 * The src to show now: the one already shown while it is the same video — the studio reissues
 * links with later expiries, and a new src would reload a playing video from the start.
 */
export function keepShown(shown: ShownSrc | null, media: Media): ShownSrc {
  const path = pathOf(media.playUrl);
  return shown && shown.path === path ? shown : { path, src: media.playUrl };
}

/**
 * Where to go when the shown src fails (a page left open past its link's expiry): a fresher link
 * for the same video if one has come since, then the member route, which answers as long as the
 * viewer is a member; null once that has failed too.
 */
export function fallbackSrc(shown: ShownSrc, media: Media): string | null {
  if (shown.src === media.videoUrl) return null;
  return media.playUrl !== shown.src ? media.playUrl : media.videoUrl;
}

/**
 * The src a <video> plays a generation's video from (keepShown), switching where it was to the
 * fallback (fallbackSrc) when it fails. Spread `ref` and `onError` on the element: the ref catches
 * a failure that came before the page was hydrated.
 */
export function usePlaySrc(media: Media): {
  src: string | undefined;
  onError: (e: SyntheticEvent<HTMLVideoElement>) => void;
  ref: (video: HTMLVideoElement | null) => void;
} {
  const [stored, setShown] = useState(() => keepShown(null, media));
  const shown = keepShown(stored, media);
  if (shown !== stored) setShown(shown);

  const next = fallbackSrc(shown, media);
  const path = shown.path;
  const fallBack = useCallback(
    (video: HTMLVideoElement) => {
      if (!next) return;
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
      setShown({ path, src: next });
    },
    [next, path],
  );
  const ref = useCallback(
    (video: HTMLVideoElement | null) => {
      if (video?.error) fallBack(video);
    },
    [fallBack],
  );
  return { src: shown.src ?? undefined, onError: (e) => fallBack(e.currentTarget), ref };
}
