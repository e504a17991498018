"use client";
import { useCallback, useEffect, useRef, useState } from "react";

// Beyond this a take is moved to where the first one is; below it, its speed is nudged so it
// catches up without a visible jump.
const SEEK_DRIFT_S = 0.2;
const NUDGE_DRIFT_S = 0.04;
const NUDGE_RATE = 0.06;
// The transport's clock redraws a few times a second, not every frame.
const CLOCK_MS = 100;

export interface SyncedVideos {
  /** The ref for the video of take `id`; the first registered in `order` leads the others. */
  register: (id: string) => (video: HTMLVideoElement | null) => void;
  playing: boolean;
  loop: boolean;
  /** Seconds into the leading take. */
  time: number;
  duration: number;
  play: () => void;
  pause: () => void;
  seek: (seconds: number) => void;
  setLoop: (loop: boolean) => void;
}

/**
 * Several takes on one timeline: play, pause, seek and loop move them together, and while they
 * play each follows the first take's clock (a take that buffers or drifts is brought back).
 */
export function useSyncedVideos(order: readonly string[]): SyncedVideos {
  const videos = useRef(new Map<string, HTMLVideoElement>());
  const orderRef = useRef(order);
  orderRef.current = order;
  const [playing, setPlaying] = useState(false);
  const [loop, setLoop] = useState(true);
  const [time, setTime] = useState(0);
  const [duration, setDuration] = useState(0);

  const all = useCallback(
    () =>
      orderRef.current
        .map((id) => videos.current.get(id))
        .filter((v): v is HTMLVideoElement => v !== undefined),
    [],
  );

  // One ref callback per take, kept across renders, so React attaches each video once.
  const refs = useRef(new Map<string, (video: HTMLVideoElement | null) => void>());
  const register = useCallback(
    (id: string) => {
      let ref = refs.current.get(id);
      if (!ref) {
        const measure = () => {
          const lead = all()[0];
          if (lead && Number.isFinite(lead.duration)) setDuration(lead.duration);
        };
        ref = (video: HTMLVideoElement | null) => {
          const before = videos.current.get(id);
          before?.removeEventListener("loadedmetadata", measure);
          if (!video) {
            videos.current.delete(id);
            return;
          }
          videos.current.set(id, video);
          video.addEventListener("loadedmetadata", measure);
          measure();
        };
        refs.current.set(id, ref);
      }
      return ref;
    },
    [all],
  );

  const seek = useCallback(
    (seconds: number) => {
      for (const v of all()) {
        v.currentTime = Number.isFinite(v.duration) ? Math.min(seconds, v.duration) : seconds;
      }
      setTime(seconds);
    },
    [all],
  );

  const play = useCallback(() => {
    const takes = all();
    const lead = takes[0];
    if (!lead) return;
    // From the start again once the end was reached, as a single player does.
    if (lead.ended) seek(0);
    for (const v of takes) {
      v.currentTime = lead.currentTime;
      void v.play().catch(() => {});
    }
    setPlaying(true);
  }, [all, seek]);

  const pause = useCallback(() => {
    const takes = all();
    for (const v of takes) v.pause();
    const lead = takes[0];
    // Paused on one frame: every take shows the same instant.
    if (lead) for (const v of takes.slice(1)) v.currentTime = lead.currentTime;
    setPlaying(false);
    if (lead) setTime(lead.currentTime);
  }, [all]);

  // While playing: keep the followers on the leader's clock, and loop or stop at the end.
  useEffect(() => {
    if (!playing) return;
    let frame = 0;
    let lastClock = 0;
    const tick = (now: number) => {
      const [lead, ...rest] = all();
      if (!lead) return;
      if (lead.ended || (lead.duration && lead.currentTime >= lead.duration - 0.02)) {
        if (loop) {
          for (const v of [lead, ...rest]) {
            v.currentTime = 0;
            void v.play().catch(() => {});
          }
        } else {
          for (const v of rest) v.pause();
          setPlaying(false);
          setTime(lead.duration || lead.currentTime);
          return;
        }
      }
      for (const v of rest) {
        const drift = v.currentTime - lead.currentTime;
        if (Math.abs(drift) > SEEK_DRIFT_S && !v.seeking) {
          v.currentTime = lead.currentTime;
          v.playbackRate = 1;
        } else if (Math.abs(drift) > NUDGE_DRIFT_S) {
          v.playbackRate = drift > 0 ? 1 - NUDGE_RATE : 1 + NUDGE_RATE;
        } else {
          v.playbackRate = 1;
        }
        if (v.paused && !v.ended) void v.play().catch(() => {});
      }
      if (now - lastClock >= CLOCK_MS) {
        lastClock = now;
        setTime(lead.currentTime);
      }
      frame = requestAnimationFrame(tick);
    };
    frame = requestAnimationFrame(tick);
    return () => cancelAnimationFrame(frame);
  }, [playing, loop, all]);

  return { register, playing, loop, time, duration, play, pause, seek, setLoop };
}
