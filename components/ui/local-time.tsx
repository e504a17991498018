"use client";
import { useFormatter, useLocale, useTranslations } from "next-intl";
import { useHydrated } from "@/components/hooks/use-hydrated";
import { useNow } from "@/components/hooks/use-now";

const FULL = { dateStyle: "medium", timeStyle: "short" } as const;

/**
 * A date and time in the viewer's own time zone. The server doesn't know it, so the first paint
 * uses the server's zone and the browser corrects it right after hydration.
 */
export function LocalDateTime({ iso }: { iso: string }) {
  const hydrated = useHydrated();
  const format = useFormatter();
  const locale = useLocale();
  const date = new Date(iso);
  const text = hydrated
    ? new Intl.DateTimeFormat(locale, FULL).format(date)
    : format.dateTime(date, FULL);
  return <time dateTime={iso}>{text}</time>;
}

/** "just now", "5 minutes ago", … kept current by the shared clock. */
export function RelativeTime({ iso }: { iso: string }) {
  const now = useNow();
  const format = useFormatter();
  const t = useTranslations("common");
  const date = new Date(iso);
  let text: string;
  if (now === null) text = format.dateTime(date, { dateStyle: "medium" });
  else if (now - date.getTime() < 60_000) text = t("justNow");
  else text = format.relativeTime(date, now);
  return (
    <time dateTime={iso} title={format.dateTime(date, FULL)}>
      {text}
    </time>
  );
}
