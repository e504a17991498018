"use client";
import { X } from "lucide-react";
import dynamic from "next/dynamic";
import { useLocale, useTranslations } from "next-intl";
import { type ReactNode, useState } from "react";
import type { DateRange } from "react-day-picker";
import { Button } from "@/components/ui/button";
import { Popover, PopoverContent, PopoverTrigger } from "@/components/ui/popover";
import { Spinner } from "@/components/ui/spinner";
import { localDay, startOfLocalDay } from "@/lib/dates/local-day";
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

const PRESETS = [
  { key: "today", days: 0 },
  { key: "last7", days: 6 },
  { key: "last30", days: 29 },
] as const;

/** The date filter's popover itself: quick choices and a calendar, loaded on its first press. */
export function DateRangePopover(props: {
  defaultOpen: boolean;
  trigger: { "aria-label": string; className: string; children: ReactNode };
  from: string;
  to: string;
  onChange: (range: { from: string | null; to: string | null }) => void;
}) {
  const t = useTranslations("filters.dates");
  const locale = useLocale();
  const [open, setOpen] = useState(props.defaultOpen);
  const from = startOfLocalDay(props.from);
  const to = startOfLocalDay(props.to);
  const active = Boolean(from || to);
  // The calendar's own picks while it is open: a second click must build on the first even
  // before the URL shows it.
  const [draft, setDraft] = useState<DateRange | undefined>(undefined);
  const today = new Date();
  today.setHours(0, 0, 0, 0);

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
    choose({ from: localDay(start), to: localDay(today) });
  };

  return (
    <Popover
      open={open}
      onOpenChange={(o) => {
        setOpen(o);
        if (!o) setDraft(undefined);
      }}
    >
      <PopoverTrigger {...props.trigger} />
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
                from: range?.from ? localDay(range.from) : null,
                to: range?.to ? localDay(range.to) : null,
              },
              Boolean(range?.from && range.to && range.from.getTime() !== range.to.getTime()),
            );
          }}
        />
      </PopoverContent>
    </Popover>
  );
}
