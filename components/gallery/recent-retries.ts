"use client";
import { useEffect, useState } from "react";

// Which generations were just retried, kept outside the Retry button: a retry moves the card out
// of its failed state for a moment, which unmounts the button, and back when it fails again.
const SHOWN_MS = 8_000;
const retriedAt = new Map<string, number>();
const listeners = new Set<() => void>();

export function markRetried(generationId: string): void {
  retriedAt.set(generationId, Date.now());
  for (const listener of listeners) listener();
}

/** True for a few seconds after this generation was retried from this page. */
export function useRecentlyRetried(generationId: string): boolean {
  const [, rerender] = useState(0);
  const at = retriedAt.get(generationId);
  const recent = at !== undefined && Date.now() - at < SHOWN_MS;
  useEffect(() => {
    const listener = () => rerender((n) => n + 1);
    listeners.add(listener);
    return () => {
      listeners.delete(listener);
    };
  }, []);
  useEffect(() => {
    if (!recent || at === undefined) return;
    const timer = setTimeout(() => rerender((n) => n + 1), SHOWN_MS - (Date.now() - at));
    return () => clearTimeout(timer);
  }, [recent, at]);
  return recent;
}
