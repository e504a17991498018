"use client";
import { useSyncExternalStore } from "react";

/**
 * A choice remembered in this browser (localStorage) under `key`: the same in every component and
 * tab that reads it. `parse` turns what is stored (null for nothing) into a valid value; the
 * server and the first render use `fallback`. Made once, at module level.
 */
export function rememberedChoice<T>(
  key: string,
  parse: (stored: string | null) => T,
  fallback: T,
): { use: () => T; get: () => T; set: (value: T, stored: string) => void } {
  const changeEvent = `${key}:changed`;
  // useSyncExternalStore wants the same value back while storage holds the same text.
  let cache: { stored: string | null | undefined; value: T } = {
    stored: undefined,
    value: fallback,
  };
  // Where storage is refused (private mode), the choice holds for this page only.
  let pageOnly: T | undefined;

  const read = (): T => {
    let stored: string | null;
    try {
      stored = window.localStorage.getItem(key);
    } catch {
      return pageOnly ?? fallback;
    }
    if (stored !== cache.stored) cache = { stored, value: parse(stored) };
    return cache.value;
  };

  const subscribe = (onChange: () => void) => {
    window.addEventListener(changeEvent, onChange);
    window.addEventListener("storage", onChange);
    return () => {
      window.removeEventListener(changeEvent, onChange);
      window.removeEventListener("storage", onChange);
    };
  };

  return {
    use: () => useSyncExternalStore(subscribe, read, () => fallback),
    /** The value now, outside rendering (a change built on the latest one). */
    get: read,
    set: (value, stored) => {
      pageOnly = value;
      try {
        window.localStorage.setItem(key, stored);
      } catch {
        // Private mode or a full quota: `pageOnly` holds it.
      }
      window.dispatchEvent(new Event(changeEvent));
    },
  };
}
