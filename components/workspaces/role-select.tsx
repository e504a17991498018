"use client";
import { cn } from "@/components/ui/cn";

/** A native select in the studio's field style (roles, people, expiry). */
export function RoleSelect(props: {
  id?: string;
  value: string;
  onChange: (value: string) => void;
  options: { value: string; label: string; disabled?: boolean }[];
  disabled?: boolean;
  className?: string;
  "aria-label"?: string;
}) {
  return (
    <select
      id={props.id}
      aria-label={props["aria-label"]}
      value={props.value}
      disabled={props.disabled}
      onChange={(e) => props.onChange(e.target.value)}
      className={cn(
        "block h-9 rounded-lg bg-surface py-0 pr-8 pl-3 text-sm text-fg shadow-xs ring-1 ring-line ring-inset focus:ring-2 focus:ring-accent-500 focus:outline-none disabled:bg-canvas disabled:text-fg-muted",
        props.className,
      )}
    >
      {props.options.map((o) => (
        <option key={o.value} value={o.value} disabled={o.disabled}>
          {o.label}
        </option>
      ))}
    </select>
  );
}
