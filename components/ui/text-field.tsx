import type { ComponentProps } from "react";
import { cn } from "@/components/ui/cn";

/** A labelled input with its error below, tied together for screen readers. */
export function TextField({
  id,
  label,
  error,
  className,
  ...input
}: ComponentProps<"input"> & { id: string; label: string; error?: string | null }) {
  const errorId = `${id}-error`;
  return (
    <div className={cn("space-y-1.5", className)}>
      <label htmlFor={id} className="block text-[13px] font-medium text-fg-soft">
        {label}
      </label>
      <input
        id={id}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? errorId : undefined}
        className={cn(
          "block h-10 w-full rounded-lg bg-surface px-3 text-sm text-fg shadow-xs ring-1 ring-inset transition-shadow",
          "placeholder:text-fg-subtle focus:ring-2 focus:outline-none",
          error ? "ring-danger-line focus:ring-danger-solid" : "ring-line focus:ring-accent-500",
        )}
        {...input}
      />
      {error && (
        <p id={errorId} className="text-[13px] text-danger">
          {error}
        </p>
      )}
    </div>
  );
}
