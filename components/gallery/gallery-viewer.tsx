"use client";
import { Suspense, useCallback, useEffect, useMemo, useRef, useState } from "react";
import { onDemand } from "@/components/ui/on-demand";
import type { ViewerVideo } from "@/components/ui/video-viewer";
import type { GenerationDto } from "@/lib/generations/dto";

const Viewer = onDemand(() => import("@/components/ui/video-viewer").then((m) => m.VideoViewer));

/** Starts fetching the viewer's code: on hover or focus of what opens it. */
export const preloadViewer = Viewer.preload;

/** The address the viewer plays a take from, when it is a ready video. */
function playableUrl(g: GenerationDto): string | null {
  return g.state === "success" ? (g.media.playUrl ?? g.media.videoUrl ?? null) : null;
}

/** Whether the full-screen viewer holds this take (a ready video). */
export function isWatchable(g: GenerationDto): boolean {
  return playableUrl(g) !== null;
}

/**
 * The studio gallery's full-screen viewer over every ready take it has loaded, in its order.
 * `watch(id)` opens it at that take (the first without one); focus returns to what opened it.
 * `watch` keeps its identity while the list changes, so the cards need not render again for it.
 */
export function useGalleryViewer(items: GenerationDto[]) {
  const videos = useMemo<ViewerVideo[]>(
    () =>
      items.flatMap((g) => {
        const url = playableUrl(g);
        if (!url) return [];
        return [
          {
            id: g.id,
            prompt: g.prompt,
            videoUrl: url,
            posterUrl: g.media.posterUrl,
            downloadUrl: g.media.downloadUrl,
          },
        ];
      }),
    [items],
  );
  const [index, setIndex] = useState<number | null>(null);
  const opener = useRef<HTMLElement | null>(null);
  const [asked, setAsked] = useState(false);
  // Read when a person asks to watch, never while rendering.
  const latest = useRef(videos);
  useEffect(() => {
    latest.current = videos;
  }, [videos]);

  const watch = useCallback((id?: string) => {
    const list = latest.current;
    if (list.length === 0) return;
    opener.current = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    const at = id ? list.findIndex((v) => v.id === id) : 0;
    setAsked(true);
    setIndex(Math.max(at, 0));
  }, []);

  const viewer = asked && (
    <Suspense fallback={null}>
      <Viewer.Component
        videos={videos}
        index={index !== null && index < videos.length ? index : null}
        onIndex={setIndex}
        onClosed={() => opener.current?.focus()}
      />
    </Suspense>
  );
  return { viewer, watch, canWatch: videos.length > 0 };
}
