"use client";
import { Suspense, useEffect, useState } from "react";
import { onDemand } from "@/components/ui/on-demand";

// Its code comes on the first "?", not with the page.
const List = onDemand(() =>
  import("@/components/studio/shortcuts-dialog").then((m) => m.ShortcutsDialog),
);

function isTyping(target: EventTarget | null): boolean {
  return (
    target instanceof HTMLElement &&
    (target.isContentEditable ||
      target instanceof HTMLInputElement ||
      target instanceof HTMLTextAreaElement ||
      target instanceof HTMLSelectElement)
  );
}

/**
 * The studio's keys from anywhere on its page: `/` to the prompt search, `?` for the list of
 * shortcuts. Never while typing, and never with a modifier (the browser's own keys stay its).
 */
export function StudioShortcuts() {
  const [open, setOpen] = useState(false);
  const [asked, setAsked] = useState(false);
  useEffect(() => {
    const onKeyDown = (e: KeyboardEvent) => {
      if (e.defaultPrevented || e.ctrlKey || e.metaKey || e.altKey || isTyping(e.target)) return;
      // Something open (a menu, a dialog, the viewer) has the keys to itself.
      if (document.querySelector("[role='dialog'], [role='alertdialog'], [role='menu']")) return;
      if (e.key === "/") {
        const search = document.querySelector<HTMLInputElement>("[data-testid=gallery-search]");
        if (!search || search.offsetParent === null) return;
        e.preventDefault();
        search.focus();
        search.select();
      } else if (e.key === "?") {
        e.preventDefault();
        setAsked(true);
        setOpen(true);
      }
    };
    document.addEventListener("keydown", onKeyDown);
    return () => document.removeEventListener("keydown", onKeyDown);
  }, []);
  return (
    asked && (
      <Suspense fallback={null}>
        <List.Component open={open} onOpenChange={setOpen} />
      </Suspense>
    )
  );
}
