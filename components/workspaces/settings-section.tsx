import type { ReactNode } from "react";
import { cn } from "@/components/ui/cn";

/** A titled card on the workspace settings pages; `danger` for what cannot be undone. */
export function SettingsSection(props: {
  title: string;
  description?: ReactNode;
  danger?: boolean;
  children: ReactNode;
}) {
  return (
    <section
      className={cn(
        "rounded-2xl bg-surface shadow-sm ring-1",
        props.danger ? "ring-danger-line" : "ring-line/80",
      )}
    >
      <div className="border-b border-line-soft px-4 py-4 sm:px-5">
        <h2
          className={cn(
            "text-[15px] font-semibold tracking-tight",
            props.danger ? "text-danger" : "text-fg",
          )}
        >
          {props.title}
        </h2>
        {props.description && (
          <p className="mt-1 text-[13px] leading-5 text-fg-muted">{props.description}</p>
        )}
      </div>
      <div className="px-4 py-4 sm:px-5">{props.children}</div>
    </section>
  );
}
