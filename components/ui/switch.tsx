"use client";
import * as SwitchPrimitive from "@radix-ui/react-switch";
import { cn } from "@/components/ui/cn";

/** An on/off switch; label it with <label htmlFor={id}> (a button is labelable). */
export function Switch(props: {
  id: string;
  checked: boolean;
  onCheckedChange: (checked: boolean) => void;
  disabled?: boolean;
  describedBy?: string;
}) {
  return (
    <SwitchPrimitive.Root
      id={props.id}
      checked={props.checked}
      onCheckedChange={props.onCheckedChange}
      disabled={props.disabled}
      aria-describedby={props.describedBy}
      className={cn(
        "relative inline-flex h-5 w-9 shrink-0 cursor-pointer items-center rounded-full transition-colors",
        // A finger-sized target (52 × 36 px) around the small visual.
        "before:absolute before:-inset-2 before:content-['']",
        "focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-accent-500",
        "disabled:cursor-not-allowed disabled:opacity-50",
        "bg-line-strong data-[state=checked]:bg-accent-600",
      )}
    >
      <SwitchPrimitive.Thumb className="pointer-events-none block size-4 translate-x-0.5 rounded-full bg-surface shadow-sm ring-1 ring-line transition-transform data-[state=checked]:translate-x-[18px]" />
    </SwitchPrimitive.Root>
  );
}
