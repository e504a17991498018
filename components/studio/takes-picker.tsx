"use client";
import { useTranslations } from "next-intl";
import { useCallback, useSyncExternalStore } from "react";
import { cn } from "@/components/ui/cn";
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

/**
 * "Takes 1 2 3 4": how many versions of the shot one press makes. Native radio buttons in a
 * labelled group, so arrow keys, forms and screen readers work as they do everywhere.
 */
export function TakesPicker(props: {
  value: number;
  onChange: (takes: number) => void;
  disabled?: boolean;
  describedBy?: string;
}) {
  const t = useTranslations("editor");
  return (
    <fieldset
      className="flex items-center gap-2"
      disabled={props.disabled}
      aria-describedby={props.describedBy}
    >
      <legend className="float-left mr-2 text-[13px] font-medium text-fg-soft">{t("takes")}</legend>
      <div className="inline-flex rounded-lg bg-canvas p-0.5 ring-1 ring-line ring-inset">
        {TAKE_CHOICES.map((n) => (
          <label
            key={n}
            className={cn(
              "relative flex h-8 min-w-8 cursor-pointer items-center justify-center rounded-md px-2 font-mono text-[13px] tabular-nums transition-colors",
              "has-[:focus-visible]:outline-2 has-[:focus-visible]:outline-accent-500",
              "has-[:disabled]:cursor-not-allowed has-[:disabled]:opacity-60",
              props.value === n
                ? "bg-surface font-semibold text-fg shadow-sm ring-1 ring-line"
                : "text-fg-muted hover:text-fg",
            )}
          >
            <input
              type="radio"
              name="takes"
              value={n}
              checked={props.value === n}
              onChange={() => props.onChange(n)}
              className="sr-only"
            />
            {n}
          </label>
        ))}
      </div>
    </fieldset>
  );
}
