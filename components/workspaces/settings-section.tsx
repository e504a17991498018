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
        "rounded-2xl bg-white shadow-sm ring-1",
        props.danger ? "ring-red-200" : "ring-zinc-200/80",
      )}
    >
      <div className="border-b border-zinc-100 px-4 py-4 sm:px-5">
        <h2
          className={cn(
            "text-[15px] font-semibold tracking-tight",
            props.danger ? "text-red-700" : "text-zinc-900",
          )}
        >
          {props.title}
        </h2>
        {props.description && (
          <p className="mt-1 text-[13px] leading-5 text-zinc-500">{props.description}</p>
        )}
      </div>
      <div className="px-4 py-4 sm:px-5">{props.children}</div>
    </section>
  );
}
