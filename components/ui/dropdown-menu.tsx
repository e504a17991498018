"use client";
import * as DropdownMenuPrimitive from "@radix-ui/react-dropdown-menu";
import { CheckIcon } from "lucide-react";
import { type ComponentProps, useRef } from "react";
import { cn } from "@/components/ui/cn";
import { usePortalContainer } from "@/components/ui/portal-container";

/**
 * A menu button's menu, not modal (as WAI-ARIA's menu button is): the page behind stays as it
 * was for assistive technology, and Tab or a click elsewhere closes it.
 */
export function DropdownMenu(props: ComponentProps<typeof DropdownMenuPrimitive.Root>) {
  return <DropdownMenuPrimitive.Root modal={false} {...props} />;
}
export const DropdownMenuTrigger = DropdownMenuPrimitive.Trigger;
export const DropdownMenuGroup = DropdownMenuPrimitive.Group;
export const DropdownMenuRadioGroup = DropdownMenuPrimitive.RadioGroup;

export function DropdownMenuContent({
  className,
  sideOffset = 6,
  focusFirstItem = false,
  onFocus,
  ...props
}: ComponentProps<typeof DropdownMenuPrimitive.Content> & {
  /**
   * Focus the first item on opening, as Radix does when its trigger is pressed from the keyboard.
   * For a menu mounted already open by a key press on a stand-in trigger, which Radix's own
   * tracking of the keyboard (begun at mount) did not see.
   */
  focusFirstItem?: boolean;
}) {
  const container = usePortalContainer();
  const focusedFirst = useRef(false);
  return (
    <DropdownMenuPrimitive.Portal container={container}>
      <DropdownMenuPrimitive.Content
        sideOffset={sideOffset}
        collisionPadding={8}
        onFocus={(event) => {
          onFocus?.(event);
          // Radix focuses the menu itself on opening; from there, on to its first item.
          if (!focusFirstItem || event.target !== event.currentTarget || focusedFirst.current)
            return;
          focusedFirst.current = true;
          event.currentTarget
            .querySelector<HTMLElement>('[role^="menuitem"]:not([data-disabled])')
            ?.focus({ preventScroll: true });
        }}
        className={cn(
          "z-50 min-w-40 rounded-xl bg-surface p-1 text-sm text-fg shadow-lg ring-1 ring-line",
          className,
        )}
        {...props}
      />
    </DropdownMenuPrimitive.Portal>
  );
}

const itemClasses =
  "flex cursor-default items-center gap-2.5 rounded-lg px-2.5 py-2 outline-none select-none data-[disabled]:opacity-50 data-[highlighted]:bg-muted";

export function DropdownMenuItem({
  className,
  ...props
}: ComponentProps<typeof DropdownMenuPrimitive.Item>) {
  return <DropdownMenuPrimitive.Item className={cn(itemClasses, className)} {...props} />;
}

export function DropdownMenuRadioItem({
  className,
  children,
  ...props
}: ComponentProps<typeof DropdownMenuPrimitive.RadioItem>) {
  return (
    <DropdownMenuPrimitive.RadioItem className={cn(itemClasses, className)} {...props}>
      {children}
      <DropdownMenuPrimitive.ItemIndicator>
        <CheckIcon aria-hidden="true" className="size-4 text-accent-600" />
      </DropdownMenuPrimitive.ItemIndicator>
    </DropdownMenuPrimitive.RadioItem>
  );
}

export function DropdownMenuLabel({
  className,
  ...props
}: ComponentProps<typeof DropdownMenuPrimitive.Label>) {
  return (
    <DropdownMenuPrimitive.Label
      className={cn("px-2.5 pt-1.5 pb-1 text-xs font-medium text-fg-muted", className)}
      {...props}
    />
  );
}

export function DropdownMenuSeparator({
  className,
  ...props
}: ComponentProps<typeof DropdownMenuPrimitive.Separator>) {
  return (
    <DropdownMenuPrimitive.Separator
      className={cn("-mx-1 my-1 h-px bg-line-soft", className)}
      {...props}
    />
  );
}
