"use client";
import { CalendarDays } from "lucide-react";
import { useFormatter, useTranslations } from "next-intl";
import { cn } from "@/components/ui/cn";
import { pressToLoad, StandInTrigger, usePressToLoad } from "@/components/ui/press-to-load";
import { startOfLocalDay } from "@/lib/dates/local-day";

const Picker = pressToLoad(() =>
  import("@/components/gallery/date-range-popover").then((m) => m.DateRangePopover),
);

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
  const { Component, openedBy, standIn } = usePressToLoad(Picker);
  const from = startOfLocalDay(props.from);
  const to = startOfLocalDay(props.to);
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
  const trigger = {
    "aria-label": t("button", { label: t("label"), range: label }),
    className: cn(
      "inline-flex h-8 min-w-0 items-center gap-1.5 rounded-md bg-surface px-2.5 text-[13px] shadow-xs ring-1 ring-inset focus-visible:ring-2 focus-visible:ring-accent-500 focus-visible:outline-none",
      active ? "text-fg ring-accent-300" : "text-fg-muted ring-line",
      props.className,
    ),
    children: (
      <>
        <CalendarDays aria-hidden="true" className="size-3.5 shrink-0" />
        <span className="truncate">{label}</span>
      </>
    ),
  };
  if (Component) {
    return (
      <Component
        defaultOpen={openedBy !== null}
        trigger={trigger}
        from={props.from}
        to={props.to}
        onChange={props.onChange}
      />
    );
  }
  return <StandInTrigger opens="dialog" handlers={standIn} {...trigger} />;
}
