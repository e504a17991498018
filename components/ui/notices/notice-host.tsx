"use client";
import { Suspense, useCallback, useState, useSyncExternalStore } from "react";
import { currentNotices, noNotices, subscribeToNotices } from "@/components/ui/notices/store";
import { onDemand } from "@/components/ui/on-demand";

// The toast primitive is fetched with the first notice, not with every page.
const Toaster = onDemand(() => import("@/components/ui/notices/toaster").then((m) => m.Toaster));

// An open menu, popover, listbox or dialog: a toast mounted over it becomes the top layer and
// takes the Escape meant for it.
const OPEN_LAYER =
  "[data-radix-popper-content-wrapper], [role='dialog'], [role='alertdialog'], [role='menu']";
const layerOpen = () => document.querySelector(OPEN_LAYER) !== null;

/** Whether a layer is open, followed only while `watch` (a notice is waiting on it). */
function useLayerOpen(watch: boolean): boolean {
  const subscribe = useCallback(
    (changed: () => void) => {
      if (!watch) return () => {};
      const observer = new MutationObserver(changed);
      observer.observe(document.body, { childList: true, subtree: true, attributes: true });
      return () => observer.disconnect();
    },
    [watch],
  );
  return useSyncExternalStore(
    subscribe,
    () => watch && layerOpen(),
    () => false,
  );
}

/** Renders the notices raised anywhere in the page; mounted once, in the root layout. */
export function NoticeHost() {
  const all = useSyncExternalStore(subscribeToNotices, currentNotices, noNotices);
  // Decided as the toasts render, so one whose code is still on its way can't land on top of a
  // menu opened meanwhile.
  const covered = useLayerOpen(all.some((n) => n.yields));
  const notices = covered ? all.filter((n) => !n.yields) : all;
  // Once loaded it stays mounted, so a notice's closing animation is not cut short.
  const [wanted, setWanted] = useState(false);
  if (notices.length > 0 && !wanted) setWanted(true);
  if (!wanted) return null;
  return (
    <Suspense fallback={null}>
      <Toaster.Component notices={notices} />
    </Suspense>
  );
}
