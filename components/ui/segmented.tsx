"use client";
import type { ReactNode } from "react";
import { cn } from "@/components/ui/cn";

export interface SegmentedOption<T extends string | number> {
  value: T;
  label: ReactNode;
  /** Can't be chosen now; `title` says why. */
  disabled?: boolean;
  title?: string;
}

/**
 * A small set of choices side by side ("1 2 3 4", "6 s 10 s"). Native radio buttons in a
 * labelled group, so arrow keys, forms and screen readers work as they do everywhere.
 */
export function Segmented<T extends string | number>(props: {
  legend: string;
  /** The radio group's name: unique on the page. */
  name: string;
  options: readonly SegmentedOption<T>[];
  value: T;
  onChange: (value: T) => void;
  disabled?: boolean;
  describedBy?: string;
}) {
  return (
    <fieldset
      className="flex items-center gap-2"
      disabled={props.disabled}
      aria-describedby={props.describedBy}
    >
      <legend className="float-left mr-2 text-[13px] font-medium text-fg-soft">
        {props.legend}
      </legend>
      <div className="inline-flex rounded-lg bg-canvas p-0.5 ring-1 ring-line ring-inset">
        {props.options.map((option) => (
          <label
            key={option.value}
            title={option.title}
            className={cn(
              "relative flex h-8 min-w-8 cursor-pointer items-center justify-center rounded-md px-2 text-[13px] whitespace-nowrap tabular-nums transition-colors",
              "has-[:focus-visible]:outline-2 has-[:focus-visible]:outline-accent-500",
              "has-[:disabled]:cursor-not-allowed has-[:disabled]:opacity-60",
              props.value === option.value
                ? "bg-surface font-semibold text-fg shadow-sm ring-1 ring-line"
                : "text-fg-muted hover:text-fg",
            )}
          >
            <input
              type="radio"
              name={props.name}
              value={option.value}
              checked={props.value === option.value}
              disabled={option.disabled}
              onChange={() => props.onChange(option.value)}
              className="sr-only"
            />
            {option.label}
          </label>
        ))}
      </div>
    </fieldset>
  );
}
