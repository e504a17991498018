"use client";
import { useTranslations } from "next-intl";
import { useCallback, useSyncExternalStore } from "react";
import { Segmented } from "@/components/ui/segmented";
import { MAX_TAKES, TAKE_CHOICES } from "@/lib/generations/takes";

const STORAGE_KEY = "hailuo-studio:takes";
const CHANGE_EVENT = "hailuo-studio:takes";

function readTakes(): number {
  try {
    const n = Number(window.localStorage.getItem(STORAGE_KEY));
    return Number.isInteger(n) && n >= 1 && n <= MAX_TAKES ? n : 1;
  } catch {
    return 1;
  }
}

function subscribe(onChange: () => void) {
  window.addEventListener(CHANGE_EVENT, onChange);
  window.addEventListener("storage", onChange);
  return () => {
    window.removeEventListener(CHANGE_EVENT, onChange);
    window.removeEventListener("storage", onChange);
  };
}

/** The person's last choice of takes per press, remembered in this browser (1 until chosen). */
export function useTakesChoice(): [number, (takes: number) => void] {
  const takes = useSyncExternalStore(subscribe, readTakes, () => 1);
  const setTakes = useCallback((next: number) => {
    try {
      window.localStorage.setItem(STORAGE_KEY, String(next));
    } catch {
      // Private mode or a full quota: the choice holds for this page only.
    }
    window.dispatchEvent(new Event(CHANGE_EVENT));
  }, []);
  return [takes, setTakes];
}

/** "Takes 1 2 3 4": how many versions of the shot one press makes. */
export function TakesPicker(props: {
  value: number;
  onChange: (takes: number) => void;
  disabled?: boolean;
  describedBy?: string;
}) {
  const t = useTranslations("editor");
  return (
    <Segmented
      legend={t("takes")}
      name="takes"
      options={TAKE_OPTIONS}
      value={props.value}
      onChange={props.onChange}
      disabled={props.disabled}
      describedBy={props.describedBy}
    />
  );
}

const TAKE_OPTIONS = TAKE_CHOICES.map((n) => ({ value: n, label: n }));
