"use client";
import { useTranslations } from "next-intl";
import { rememberedChoice } from "@/components/hooks/use-remembered";
import { Segmented } from "@/components/ui/segmented";
import { MAX_TAKES, TAKE_CHOICES } from "@/lib/generations/takes";

const remembered = rememberedChoice(
  "hailuo-studio:takes",
  (stored) => {
    const n = Number(stored);
    return Number.isInteger(n) && n >= 1 && n <= MAX_TAKES ? n : 1;
  },
  1,
);

const setTakes = (takes: number) => remembered.set(takes, String(takes));

/** The person's last choice of takes per press, remembered in this browser (1 until chosen). */
export function useTakesChoice(): [number, (takes: number) => void] {
  return [remembered.use(), setTakes];
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
