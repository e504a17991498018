"use client";
import { useCallback, useState } from "react";
import { layoutCookie } from "@/lib/studio/layout-prefs";

/** A layout choice the server rendered from its cookie; changing it stores it for the next visit. */
export function useLayoutPref<T extends string>(
  cookie: string,
  initial: T,
): [T, (next: T, opts?: { remember?: boolean }) => void] {
  const [value, setValue] = useState<T>(initial);
  const set = useCallback(
    (next: T, opts: { remember?: boolean } = {}) => {
      setValue(next);
      if (opts.remember === false) return;
      // biome-ignore lint/suspicious/noDocumentCookie: the Cookie Store API is not in every browser the studio serves; the value is one of a few fixed words
      document.cookie = layoutCookie(cookie, next);
    },
    [cookie],
  );
  return [value, set];
}
