import type { ReactNode } from "react";
import { cn } from "@/components/ui/cn";

export type BadgeTone = "neutral" | "accent" | "blue" | "amber" | "green" | "red";

const TONES: Record<BadgeTone, string> = {
  neutral: "bg-muted text-fg-muted ring-line",
  accent: "bg-accent-50 text-accent-700 ring-accent-200",
  blue: "bg-info-soft text-info ring-info-line",
  amber: "bg-warning-soft text-warning ring-warning-line",
  green: "bg-success-soft text-success ring-success-line",
  red: "bg-danger-soft text-danger ring-danger-line",
};

export function Badge(props: { tone?: BadgeTone; className?: string; children: ReactNode }) {
  return (
    <span
      className={cn(
        "inline-flex h-5 items-center gap-1 rounded-full px-2 text-[11px] leading-none font-medium whitespace-nowrap ring-1 ring-inset",
        TONES[props.tone ?? "neutral"],
        props.className,
      )}
    >
      {props.children}
    </span>
  );
}
