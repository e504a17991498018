"use client";
import {
  createContext,
  type ReactNode,
  useCallback,
  useContext,
  useMemo,
  useRef,
  useState,
} from "react";
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
  const [prefs, setPrefsState] = useState(props.initial);
  // What the switches show now, for a refused change to be put back without touching another's.
  const current = useRef(props.initial);
  const setPrefs = useCallback((next: NoticePrefs) => {
    current.current = next;
    setPrefsState(next);
  }, []);
  const update = useCallback(
    async (patch: Partial<NoticePrefs>) => {
      const before = current.current;
      setPrefs({ ...before, ...patch });
      const result = await setNoticePrefsAction(patch).catch(() => null);
      if (result?.ok) {
        setPrefs(result.data);
        return true;
      }
      setPrefs({ ...current.current, ...pick(before, patch) });
      return false;
    },
    [setPrefs],
  );
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
