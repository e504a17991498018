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
      <label htmlFor={id} className="block text-[13px] font-medium text-zinc-700">
        {label}
      </label>
      <input
        id={id}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? errorId : undefined}
        className={cn(
          "block h-10 w-full rounded-lg bg-white px-3 text-sm text-zinc-900 shadow-xs ring-1 ring-inset transition-shadow",
          "placeholder:text-zinc-400 focus:ring-2 focus:outline-none",
          error ? "ring-red-300 focus:ring-red-500" : "ring-zinc-200 focus:ring-accent-500",
        )}
        {...input}
      />
      {error && (
        <p id={errorId} className="text-[13px] text-red-600">
          {error}
        </p>
      )}
    </div>
  );
}
