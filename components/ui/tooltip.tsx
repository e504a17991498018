"use client";
import * as TooltipPrimitive from "@radix-ui/react-tooltip";
import type { ReactElement, ReactNode } from "react";

/**
 * A short name shown on hover and keyboard focus, for a button that is only an icon. The
 * button keeps its own aria-label: a tooltip is for sighted people, not the accessible name.
 * Each carries its own provider so no layout has to remember to add one.
 */
export function Tooltip(props: {
  content: ReactNode;
  children: ReactElement;
  side?: "top" | "bottom" | "left" | "right";
}) {
  return (
    <TooltipPrimitive.Provider delayDuration={400}>
      <TooltipPrimitive.Root>
        <TooltipPrimitive.Trigger asChild>{props.children}</TooltipPrimitive.Trigger>
        <TooltipPrimitive.Portal>
          <TooltipPrimitive.Content
            side={props.side ?? "top"}
            sideOffset={6}
            collisionPadding={8}
            className="z-50 rounded-md bg-primary px-2 py-1 text-xs font-medium text-primary-fg shadow-md"
          >
            {props.content}
          </TooltipPrimitive.Content>
        </TooltipPrimitive.Portal>
      </TooltipPrimitive.Root>
    </TooltipPrimitive.Provider>
  );
}
