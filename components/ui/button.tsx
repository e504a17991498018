import type { ComponentProps } from "react";
import { cn } from "@/components/ui/cn";

type Variant = "primary" | "secondary" | "ghost" | "danger";
type Size = "sm" | "md" | "lg";

const VARIANTS: Record<Variant, string> = {
  primary:
    "bg-primary text-primary-fg shadow-sm hover:bg-primary-hover disabled:bg-line-strong disabled:text-fg-muted",
  secondary:
    "bg-surface text-fg ring-1 ring-inset ring-line shadow-xs hover:bg-canvas hover:ring-line-strong disabled:text-fg-subtle",
  ghost: "text-fg-muted hover:bg-muted hover:text-fg disabled:text-fg-subtle",
  danger:
    "bg-surface text-danger ring-1 ring-inset ring-danger-line hover:bg-danger-soft disabled:text-danger/50",
};

const SIZES: Record<Size, string> = {
  sm: "h-8 gap-1.5 rounded-md px-2.5 text-[13px]",
  md: "h-9 gap-2 rounded-lg px-3.5 text-sm",
  lg: "h-10 gap-2 rounded-lg px-4 text-sm",
};

/** The classes of a button, for links that look like one. */
export function buttonClasses(args: { variant?: Variant; size?: Size; className?: string } = {}) {
  return cn(
    "inline-flex shrink-0 items-center justify-center font-medium whitespace-nowrap transition-colors",
    "focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-accent-500",
    "disabled:cursor-not-allowed",
    VARIANTS[args.variant ?? "primary"],
    SIZES[args.size ?? "md"],
    args.className,
  );
}

export function Button({
  variant,
  size,
  className,
  type = "button",
  ...props
}: ComponentProps<"button"> & { variant?: Variant; size?: Size }) {
  return <button type={type} className={buttonClasses({ variant, size, className })} {...props} />;
}
