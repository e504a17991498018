import type { ReactNode } from "react";
import { cn } from "@/components/ui/cn";
import { AlertIcon } from "@/components/ui/icons";

/** A message that needs attention; announced by screen readers when it appears. */
export function Alert(props: { children: ReactNode; className?: string }) {
  return (
    <div
      role="alert"
      className={cn(
        "flex gap-2.5 rounded-lg bg-danger-soft px-3 py-2.5 text-[13px] leading-5 text-danger ring-1 ring-inset ring-danger-line",
        props.className,
      )}
    >
      <AlertIcon className="mt-0.5 size-4 shrink-0 text-danger" />
      <div className="min-w-0">{props.children}</div>
    </div>
  );
}
