"use client";
import * as DialogPrimitive from "@radix-ui/react-dialog";
import { XIcon } from "lucide-react";
import type { ComponentProps } from "react";
import { cn } from "@/components/ui/cn";
import { InDialogContext } from "@/components/ui/portal-container";

export const Dialog = DialogPrimitive.Root;
export const DialogTrigger = DialogPrimitive.Trigger;
export const DialogClose = DialogPrimitive.Close;

/** The dimmed page behind a modal; shared with AlertDialog so both look the same. */
export const overlayClasses = "fixed inset-0 z-50 bg-overlay backdrop-blur-[2px]";

/** The centred panel; on a phone it keeps a margin and scrolls inside itself. */
export const panelClasses =
  "fixed top-1/2 left-1/2 z-50 max-h-[85dvh] w-[min(100vw-1.5rem,30rem)] -translate-x-1/2 -translate-y-1/2 overflow-y-auto rounded-2xl bg-surface text-fg shadow-xl ring-1 ring-line focus:outline-none";

/** A sheet rising from the bottom edge, for a phone's long lists of choices. */
export const sheetClasses =
  "fixed inset-x-0 bottom-0 z-50 max-h-[85dvh] overflow-y-auto rounded-t-2xl bg-surface pb-[env(safe-area-inset-bottom)] text-fg shadow-xl ring-1 ring-line focus:outline-none";

export function DialogContent({
  className,
  children,
  closeLabel,
  placement = "center",
  ...props
}: ComponentProps<typeof DialogPrimitive.Content> & {
  /** The name of the corner × button; without it there is none. */
  closeLabel?: string;
  placement?: "center" | "bottom";
}) {
  return (
    <DialogPrimitive.Portal>
      <DialogPrimitive.Overlay className={overlayClasses} />
      <DialogPrimitive.Content
        className={cn(placement === "bottom" ? sheetClasses : panelClasses, className)}
        {...props}
      >
        <InDialogContext value={true}>{children}</InDialogContext>
        {closeLabel && (
          <DialogPrimitive.Close
            aria-label={closeLabel}
            className="absolute top-3.5 right-4 rounded-md p-1 text-fg-muted hover:bg-muted hover:text-fg-soft focus-visible:outline-2 focus-visible:outline-accent-500"
          >
            <XIcon aria-hidden="true" className="size-4" />
          </DialogPrimitive.Close>
        )}
      </DialogPrimitive.Content>
    </DialogPrimitive.Portal>
  );
}

export function DialogHeader({ className, ...props }: ComponentProps<"div">) {
  return <div className={cn("border-b border-line-soft px-5 py-4 pr-12", className)} {...props} />;
}

export function DialogTitle({ className, ...props }: ComponentProps<typeof DialogPrimitive.Title>) {
  return (
    <DialogPrimitive.Title
      className={cn("text-[15px] font-semibold text-fg", className)}
      {...props}
    />
  );
}

export function DialogDescription({
  className,
  ...props
}: ComponentProps<typeof DialogPrimitive.Description>) {
  return (
    <DialogPrimitive.Description
      className={cn("text-[13px] text-fg-muted", className)}
      {...props}
    />
  );
}
