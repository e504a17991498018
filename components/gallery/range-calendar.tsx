"use client";
import { ChevronLeft, ChevronRight } from "lucide-react";
import { type DateRange, DayPicker } from "react-day-picker";
import { enUS, zhCN } from "react-day-picker/locale";
import type { Locale } from "@/lib/i18n/locales";

const LOCALES = { en: enUS, "zh-CN": zhCN } as const;

function Chevron(props: { orientation?: "left" | "right" | "up" | "down" }) {
  return props.orientation === "left" ? (
    <ChevronLeft aria-hidden="true" className="size-4" />
  ) : (
    <ChevronRight aria-hidden="true" className="size-4" />
  );
}

/**
 * A month calendar for picking a range of days, in the studio's language (not the browser's),
 * styled with the studio's tokens. Loaded when the date filter first opens.
 */
export default function RangeCalendar(props: {
  locale: Locale;
  selected: DateRange | undefined;
  onSelect: (range: DateRange | undefined) => void;
  today: Date;
}) {
  return (
    <DayPicker
      mode="range"
      locale={LOCALES[props.locale]}
      selected={props.selected}
      onSelect={props.onSelect}
      defaultMonth={props.selected?.to ?? props.today}
      today={props.today}
      // Nothing is made in the future.
      disabled={{ after: props.today }}
      endMonth={props.today}
      showOutsideDays
      classNames={{
        root: "relative text-sm",
        months: "relative",
        month_caption: "flex h-8 items-center justify-center font-medium text-fg",
        nav: "absolute inset-x-0 top-0 flex h-8 items-center justify-between",
        button_previous:
          "inline-flex size-8 items-center justify-center rounded-md text-fg-muted hover:bg-muted hover:text-fg disabled:opacity-40 focus-visible:outline-2 focus-visible:outline-accent-500",
        button_next:
          "inline-flex size-8 items-center justify-center rounded-md text-fg-muted hover:bg-muted hover:text-fg disabled:opacity-40 focus-visible:outline-2 focus-visible:outline-accent-500",
        month_grid: "mt-2 w-full border-collapse",
        weekdays: "flex",
        weekday: "w-9 pb-1 text-center text-[11px] font-medium text-fg-muted",
        week: "flex",
        day: "size-9 p-0 text-center",
        day_button:
          "size-9 rounded-md text-[13px] text-fg hover:bg-muted focus-visible:outline-2 focus-visible:outline-accent-500 disabled:pointer-events-none",
        today: "font-semibold text-accent-700",
        outside: "text-fg-muted opacity-60",
        disabled: "opacity-40",
        selected: "[&>button]:bg-accent-600 [&>button]:text-white [&>button]:hover:bg-accent-600",
        range_middle:
          "[&>button]:rounded-none [&>button]:bg-accent-100 [&>button]:text-accent-700 [&>button]:hover:bg-accent-100",
        range_start: "[&>button]:rounded-r-none",
        range_end: "[&>button]:rounded-l-none",
      }}
      components={{ Chevron }}
    />
  );
}
