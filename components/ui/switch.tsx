"use client";
import { cn } from "@/components/ui/cn";

/** An on/off switch; label it with <label htmlFor={id}> (a button is labelable). */
export function Switch(props: {
  id: string;
  checked: boolean;
  onCheckedChange: (checked: boolean) => void;
  disabled?: boolean;
  describedBy?: string;
}) {
  return (
    <button
      id={props.id}
      type="button"
      role="switch"
      aria-checked={props.checked}
      aria-describedby={props.describedBy}
      disabled={props.disabled}
      onClick={() => props.onCheckedChange(!props.checked)}
      className={cn(
        "relative inline-flex h-5 w-9 shrink-0 cursor-pointer items-center rounded-full transition-colors",
        // A finger-sized target (52 × 36 px) around the small visual.
        "before:absolute before:-inset-2 before:content-['']",
        "focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-accent-500",
        "disabled:cursor-not-allowed disabled:opacity-50",
        props.checked ? "bg-accent-600" : "bg-line-strong",
      )}
    >
      <span
        aria-hidden="true"
        className={cn(
          "inline-block size-4 rounded-full bg-surface shadow-sm ring-1 ring-black/5 transition-transform",
          props.checked ? "translate-x-[18px]" : "translate-x-0.5",
        )}
      />
    </button>
  );
}
