"use client";
import { Suspense, useState, useSyncExternalStore } from "react";
import { currentNotices, noNotices, subscribeToNotices } from "@/components/ui/notices/store";
import { onDemand } from "@/components/ui/on-demand";

// The toast primitive is fetched with the first notice, not with every page.
const Toaster = onDemand(() => import("@/components/ui/notices/toaster").then((m) => m.Toaster));

/** Renders the notices raised anywhere in the page; mounted once, in the root layout. */
export function NoticeHost() {
  const notices = useSyncExternalStore(subscribeToNotices, currentNotices, noNotices);
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
