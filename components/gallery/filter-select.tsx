"use client";
import { ChevronDownIcon } from "lucide-react";
import { cn } from "@/components/ui/cn";
import { pressToLoad, StandInTrigger, usePressToLoad } from "@/components/ui/press-to-load";
import { SELECT_TRIGGER_CLASSES } from "@/components/ui/select-trigger-classes";

export interface FilterOption {
  value: string;
  label: string;
}

// Radix's Select keeps "" for "nothing chosen"; "any" stands for the unfiltered choice.
const ANY = "any";

const List = pressToLoad(() =>
  import("@/components/gallery/filter-select-list").then((m) => m.FilterSelectList),
);

/** One of the gallery's filters: "any" or one of its options, as a select named by its label. */
export function FilterSelect(props: {
  label: string;
  value: string;
  onChange: (v: string | null) => void;
  any: string;
  options: FilterOption[];
  /** Told when a pointer or the focus comes to the filter, before it opens: time to fetch its options. */
  onIntent?: () => void;
}) {
  const { Component, openedBy, standIn } = usePressToLoad(List);
  const { onIntent } = props;
  const handlers = onIntent
    ? {
        ...standIn,
        onPointerEnter: () => {
          onIntent();
          standIn.onPointerEnter();
        },
        onFocus: () => {
          onIntent();
          standIn.onFocus();
        },
        onClick: () => {
          onIntent();
          standIn.onClick();
        },
      }
    : standIn;
  const options = [{ value: ANY, label: props.any }, ...props.options];
  const value = props.value || ANY;
  const chosen = options.find((o) => o.value === value)?.label ?? props.any;
  // The same face as the select's own trigger (components/ui/select.tsx), in the filter bar's size.
  const trigger = {
    "aria-label": props.label,
    className: cn(
      "h-8 w-full rounded-md text-[13px] md:w-auto md:max-w-44",
      props.value ? "text-fg ring-accent-300" : "text-fg-muted",
    ),
    children: chosen,
  };
  if (Component) {
    return (
      <Component
        defaultOpen={openedBy !== null}
        trigger={trigger}
        value={value}
        onValueChange={(v) => props.onChange(v === ANY ? null : v)}
        options={options}
      />
    );
  }
  return (
    <StandInTrigger
      opens="listbox"
      handlers={handlers}
      aria-label={trigger["aria-label"]}
      className={cn(SELECT_TRIGGER_CLASSES, trigger.className)}
    >
      <span className="min-w-0 truncate">{chosen}</span>
      <ChevronDownIcon aria-hidden="true" className="size-4 shrink-0 text-fg-muted" />
    </StandInTrigger>
  );
}
