import type { ComponentProps } from "react";
import { cn } from "@/components/ui/cn";

/** A text input in the studio's field style; red-ringed while aria-invalid. */
export function Input({ className, ...props }: ComponentProps<"input">) {
  return (
    <input
      className={cn(
        "block h-10 w-full rounded-lg bg-surface px-3 text-sm text-fg shadow-xs ring-1 ring-inset ring-line transition-shadow",
        "placeholder:text-fg-subtle focus:ring-2 focus:ring-accent-500 focus:outline-none",
        "read-only:bg-canvas read-only:text-fg-muted",
        "aria-invalid:ring-danger-line aria-invalid:focus:ring-danger-solid",
        className,
      )}
      {...props}
    />
  );
}
