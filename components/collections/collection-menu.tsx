"use client";
import { useTranslations } from "next-intl";
import { Suspense, useRef, useState } from "react";
import type { CollectionSubject } from "@/components/collections/queries";
import { cn } from "@/components/ui/cn";
import { FolderPlusIcon } from "@/components/ui/icons";
import { onDemand } from "@/components/ui/on-demand";
import { Tooltip } from "@/components/ui/tooltip";

const Panel = onDemand(() =>
  import("@/components/collections/collection-menu-panel").then((m) => m.CollectionMenuPanel),
);

/**
 * "Add to collection": tick the collections that should hold this video, or make a new one. A
 * popover of real checkboxes rather than a menu: its name field needs every key a menu's
 * typeahead would take. The popover's code is fetched on the first press, not with the page.
 */
export function CollectionMenu(props: {
  slug: string;
  /** One video, or every take of a shot. */
  subject: CollectionSubject;
  /** Open upwards (a card's footer) or downwards (the detail view). */
  placement?: "up" | "down";
  variant?: "icon" | "button";
}) {
  const t = useTranslations("collections");
  const button = useRef<HTMLButtonElement>(null);
  const [open, setOpen] = useState(false);
  // Kept once opened, so closing lets the popover finish as Radix closes it.
  const [wanted, setWanted] = useState(false);
  const byPointer = useRef(false);
  const [openedByPointer, setOpenedByPointer] = useState(false);
  const trigger = (
    <button
      ref={button}
      type="button"
      data-testid="collection-menu-button"
      aria-label={t("addTo")}
      aria-haspopup="dialog"
      aria-expanded={open}
      data-state={open ? "open" : "closed"}
      onPointerEnter={Panel.preload}
      onFocus={Panel.preload}
      onPointerDown={() => {
        byPointer.current = true;
      }}
      onKeyDown={() => {
        byPointer.current = false;
      }}
      onClick={() => {
        setWanted(true);
        setOpenedByPointer(byPointer.current);
        setOpen((was) => !was);
      }}
      className={cn(
        "inline-flex items-center justify-center gap-2 transition-colors focus-visible:outline-2 focus-visible:outline-accent-500",
        props.variant === "button"
          ? "h-9 w-full rounded-lg bg-surface px-3.5 text-sm font-medium text-fg shadow-xs ring-1 ring-inset ring-line hover:bg-canvas sm:w-auto"
          : "size-8 rounded-md text-fg-muted hover:bg-muted hover:text-fg data-[state=open]:bg-muted",
      )}
    >
      <FolderPlusIcon className="size-4" />
      {props.variant === "button" && t("addTo")}
    </button>
  );
  return (
    <>
      {props.variant === "button" ? trigger : <Tooltip content={t("addTo")}>{trigger}</Tooltip>}
      {wanted && (
        <Suspense fallback={null}>
          <Panel.Component
            slug={props.slug}
            subject={props.subject}
            placement={props.placement}
            open={open}
            onOpenChange={setOpen}
            trigger={button}
            byPointer={openedByPointer}
          />
        </Suspense>
      )}
    </>
  );
}
