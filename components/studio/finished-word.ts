"use client";
import { useTranslations } from "next-intl";
import { useCallback, useEffect } from "react";
import { type StatusKind, statusKind } from "@/components/gallery/status";
import { notify } from "@/components/ui/notices/store";
import type { GenerationDto } from "@/lib/generations/dto";
import { promptTitle } from "@/lib/generations/prompt-title";

// Still on its way: kie.ai has it, or the studio is saving what kie.ai made.
const ON_ITS_WAY: ReadonlySet<StatusKind> = new Set([
  "submitting",
  "queued",
  "waiting",
  "queuing",
  "generating",
  "saving",
]);
const READY: ReadonlySet<StatusKind> = new Set(["ready"]);
// Ended without a video to watch. ("unknown" is not an end: kie.ai may still make it.)
const FAILED: ReadonlySet<StatusKind> = new Set(["failed", "error", "mediaFailed"]);

/** How many videos ended while the tab was hidden, shown in its title until the person looks. */
let unseen = 0;
let plainTitle: string | null = null;

function countUnseen(): void {
  if (document.visibilityState !== "hidden") return;
  plainTitle ??= document.title;
  unseen += 1;
  document.title = `(${unseen}) ${plainTitle}`;
}

function clearUnseen(): void {
  if (document.visibilityState !== "visible" || unseen === 0) return;
  if (plainTitle !== null) document.title = plainTitle;
  unseen = 0;
  plainTitle = null;
}

/**
 * Word when a video this page saw on its way ends: a notice naming it by its prompt's first
 * words, with View (read out once, by the notice), and while the tab is hidden a count in its
 * title, cleared when the person comes back. Returns the handler for the workspace's events.
 */
export function useFinishedWord(slug: string) {
  const t = useTranslations("finished");
  useEffect(() => {
    document.addEventListener("visibilitychange", clearUnseen);
    return () => document.removeEventListener("visibilitychange", clearUnseen);
  }, []);
  return useCallback(
    (now: GenerationDto, before: GenerationDto | undefined) => {
      if (!before || !ON_ITS_WAY.has(statusKind(before))) return;
      const kind = statusKind(now);
      const ready = READY.has(kind);
      if (!ready && !FAILED.has(kind)) return;
      const name = promptTitle(now.prompt, 40);
      notify(t(ready ? "ready" : "failed", { name }), ready ? "success" : "error", {
        label: t("view"),
        href: `/w/${encodeURIComponent(slug)}/g/${encodeURIComponent(now.id)}`,
      });
      countUnseen();
    },
    [slug, t],
  );
}
