"use client";
import { useSyncExternalStore } from "react";

const noop = () => () => {};

/** False on the server and during hydration, true after: for output only the browser can know. */
export function useHydrated(): boolean {
  return useSyncExternalStore(
    noop,
    () => true,
    () => false,
  );
}

/**
 * A value only the browser knows, `server` on the server and during hydration. Unlike
 * `useHydrated`, the component renders again after hydration only when the two differ, so a big
 * tree (the whole gallery) is not rendered twice on load for nothing.
 */
export function useBrowserValue<T extends string | number | boolean | undefined>(
  browser: () => T,
  server: T,
): T {
  return useSyncExternalStore(noop, browser, () => server);
}
