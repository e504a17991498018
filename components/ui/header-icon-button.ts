import { cn } from "@/components/ui/cn";

/** A header's icon-only trigger (theme, notices): one look, whether its popover is open or not. */
export function headerIconButtonClasses(className?: string): string {
  return cn(
    "inline-flex size-8 shrink-0 items-center justify-center rounded-lg text-fg-muted transition-colors",
    "hover:bg-muted hover:text-fg focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-accent-500",
    "data-[state=open]:bg-muted data-[state=open]:text-fg",
    className,
  );
}
