"use client";
import { CalendarDays, X } from "lucide-react";
import dynamic from "next/dynamic";
import { useFormatter, useLocale, useTranslations } from "next-intl";
import { useState } from "react";
import type { DateRange } from "react-day-picker";
import { Button } from "@/components/ui/button";
import { cn } from "@/components/ui/cn";
import { Popover, PopoverContent, PopoverTrigger } from "@/components/ui/popover";
import { Spinner } from "@/components/ui/spinner";
import { isLocale } from "@/lib/i18n/locales";

// The calendar's code loads when the filter first opens, not with the page.
const RangeCalendar = dynamic(() => import("@/components/gallery/range-calendar"), {
  ssr: false,
  loading: () => (
    <div className="flex h-[300px] w-[252px] items-center justify-center">
      <Spinner className="size-4 text-fg-subtle" />
    </div>
  ),
});

/** A local day as the URL writes it: YYYY-MM-DD. */
function toDay(date: Date): string {
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

function fromDay(day: string): Date | undefined {
  const date = new Date(`${day}T00:00:00`);
  return Number.isNaN(date.getTime()) ? undefined : date;
}

const PRESETS = [
  { key: "today", days: 0 },
  { key: "last7", days: 6 },
  { key: "last30", days: 29 },
] as const;

/**
 * The gallery's "made between" filter: a button that names the range, opening quick choices and a
 * calendar in the studio's language. Either end may be left open.
 */
export function DateRangeFilter(props: {
  from: string;
  to: string;
  onChange: (range: { from: string | null; to: string | null }) => void;
  className?: string;
}) {
  const t = useTranslations("filters.dates");
  const format = useFormatter();
  const locale = useLocale();
  const [open, setOpen] = useState(false);
  const from = fromDay(props.from);
  const to = fromDay(props.to);
  // The calendar's own picks while it is open: a second click must build on the first even
  // before the URL shows it.
  const [draft, setDraft] = useState<DateRange | undefined>(undefined);
  const today = new Date();
  today.setHours(0, 0, 0, 0);

  const short = (d: Date) => format.dateTime(d, { month: "short", day: "numeric" });
  const label =
    from && to
      ? props.from === props.to
        ? short(from)
        : format.dateTimeRange(from, to, { month: "short", day: "numeric" })
      : from
        ? t("since", { date: short(from) })
        : to
          ? t("until", { date: short(to) })
          : t("any");
  const active = Boolean(from || to);

  const choose = (range: { from: string | null; to: string | null }, close = true) => {
    props.onChange(range);
    if (close) {
      setDraft(undefined);
      setOpen(false);
    }
  };
  const preset = (days: number) => {
    const start = new Date(today);
    start.setDate(start.getDate() - days);
    choose({ from: toDay(start), to: toDay(today) });
  };

  return (
    <Popover
      open={open}
      onOpenChange={(o) => {
        setOpen(o);
        if (!o) setDraft(undefined);
      }}
    >
      <PopoverTrigger
        aria-label={t("button", { label: t("label"), range: label })}
        className={cn(
          "inline-flex h-8 min-w-0 items-center gap-1.5 rounded-md bg-surface px-2.5 text-[13px] shadow-xs ring-1 ring-inset focus-visible:ring-2 focus-visible:ring-accent-500 focus-visible:outline-none",
          active ? "text-fg ring-accent-300" : "text-fg-muted ring-line",
          props.className,
        )}
      >
        <CalendarDays aria-hidden="true" className="size-3.5 shrink-0" />
        <span className="truncate">{label}</span>
      </PopoverTrigger>
      <PopoverContent
        align="start"
        aria-label={t("label")}
        className="flex w-auto flex-col gap-3 p-3 sm:flex-row"
      >
        <div className="flex flex-wrap gap-1.5 sm:w-32 sm:flex-col">
          {PRESETS.map((p) => (
            <Button
              key={p.key}
              variant="ghost"
              size="sm"
              className="justify-start"
              onClick={() => preset(p.days)}
            >
              {t(p.key)}
            </Button>
          ))}
          {active && (
            <Button
              variant="ghost"
              size="sm"
              className="justify-start"
              onClick={() => choose({ from: null, to: null })}
            >
              <X aria-hidden="true" className="size-3.5" />
              {t("anyTime")}
            </Button>
          )}
        </div>
        <RangeCalendar
          locale={isLocale(locale) ? locale : "en"}
          today={today}
          selected={draft ?? (from || to ? ({ from, to } as DateRange) : undefined)}
          onSelect={(range) => {
            // The first click picks a day, the second ends the range there; the popover stays
            // open until the range is whole.
            setDraft(range);
            choose(
              {
                from: range?.from ? toDay(range.from) : null,
                to: range?.to ? toDay(range.to) : null,
              },
              Boolean(range?.from && range.to && range.from.getTime() !== range.to.getTime()),
            );
          }}
        />
      </PopoverContent>
    </Popover>
  );
}
