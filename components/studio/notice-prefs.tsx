"use client";
import { createContext, type ReactNode, useCallback, useContext, useMemo, useState } from "react";
import { setNoticePrefsAction } from "@/lib/actions/users/set-notice-prefs";
import type { NoticePrefs } from "@/lib/users/notice-prefs";

interface NoticePrefsValue {
  prefs: NoticePrefs;
  /** Saves a change; the switch moves at once and moves back if the server refuses it. */
  update: (patch: Partial<NoticePrefs>) => Promise<boolean>;
}

const NoticePrefsContext = createContext<NoticePrefsValue | null>(null);

/** The person's notice settings, for the header's settings and the word when a video ends. */
export function NoticePrefsProvider(props: { initial: NoticePrefs; children: ReactNode }) {
  const [prefs, setPrefs] = useState(props.initial);
  const update = useCallback(async (patch: Partial<NoticePrefs>) => {
    let before: NoticePrefs | undefined;
    setPrefs((current) => {
      before = current;
      return { ...current, ...patch };
    });
    const result = await setNoticePrefsAction(patch).catch(() => null);
    if (result?.ok) {
      setPrefs(result.data);
      return true;
    }
    const previous = before;
    if (previous) setPrefs((current) => ({ ...current, ...pick(previous, patch) }));
    return false;
  }, []);
  const value = useMemo(() => ({ prefs, update }), [prefs, update]);
  return <NoticePrefsContext value={value}>{props.children}</NoticePrefsContext>;
}

function pick(from: NoticePrefs, keys: Partial<NoticePrefs>): Partial<NoticePrefs> {
  const out: Partial<NoticePrefs> = {};
  for (const key of Object.keys(keys) as (keyof NoticePrefs)[]) out[key] = from[key];
  return out;
}

const OFF: NoticePrefsValue = {
  prefs: { browser: false, sound: false },
  update: async () => false,
};

export function useNoticePrefs(): NoticePrefsValue {
  return useContext(NoticePrefsContext) ?? OFF;
}
