"use client";
import { useQueryClient } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useCallback, useEffect, useRef } from "react";
import { type StatusKind, statusKind } from "@/components/gallery/status";
import { shotHref, takeHref } from "@/components/shots/shot-links";
import { playChime } from "@/components/studio/chime";
import { useNoticePrefs } from "@/components/studio/notice-prefs";
import { notify } from "@/components/ui/notices/store";
import type { GenerationDto } from "@/lib/generations/dto";
import { promptTitle } from "@/lib/generations/prompt-title";
import { findShotTakes } from "@/lib/queries/use-generations";

// Still on its way: waiting to be sent, at kie.ai, or being saved by the studio.
const ON_ITS_WAY: ReadonlySet<StatusKind> = new Set([
  "submitting",
  "held",
  "queued",
  "waiting",
  "queuing",
  "generating",
  "saving",
]);
// Ended without a video to watch. ("unknown" is not an end: kie.ai may still make it; a take
// the person cancelled needs no word.)
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

/**
 * While the tab is hidden, the word also goes where the person asked for it: a browser
 * notification (one per shot, replacing an older one of the same shot) and a chime.
 */
function tellOutside(
  message: string,
  tag: string,
  prefs: { browser: boolean; sound: boolean },
  open: () => void,
): void {
  if (document.visibilityState !== "hidden") return;
  if (prefs.sound) playChime();
  if (!prefs.browser || typeof Notification !== "function") return;
  if (Notification.permission !== "granted") return;
  try {
    const note = new Notification("Hailuo Studio", { body: message, tag, icon: "/icon.svg" });
    note.onclick = () => {
      window.focus();
      open();
      note.close();
    };
  } catch {
    // Some browsers only show notifications from a service worker: the title still counts it.
  }
}

function clearUnseen(): void {
  if (document.visibilityState !== "visible" || unseen === 0) return;
  if (plainTitle !== null) document.title = plainTitle;
  unseen = 0;
  plainTitle = null;
}

// Takes whose end has been told: an event burst or a refetch may bring the same end twice, and
// it is told once (a retry puts the take on its way again, and its new end is told anew).
const told = new Set<string>();

/**
 * Word when something this page saw on its way ends: once a shot's last take has ended, a
 * notice names it by its prompt's first words, with View (read out once, by the notice: the
 * gallery's status pills are not live regions); while the tab is hidden, a count of the videos
 * that ended in its title, cleared when the person comes back. Returns the handler for the
 * workspace's events.
 */
export function useFinishedWord(slug: string) {
  const t = useTranslations("finished");
  const qc = useQueryClient();
  const router = useRouter();
  const { prefs } = useNoticePrefs();
  const prefsRef = useRef(prefs);
  useEffect(() => {
    prefsRef.current = prefs;
  });
  useEffect(() => {
    document.addEventListener("visibilitychange", clearUnseen);
    return () => document.removeEventListener("visibilitychange", clearUnseen);
  }, []);
  return useCallback(
    (now: GenerationDto, before: GenerationDto | undefined) => {
      const kind = statusKind(now);
      if (ON_ITS_WAY.has(kind)) {
        told.delete(now.id);
        return;
      }
      if (!before || !ON_ITS_WAY.has(statusKind(before)) || told.has(now.id)) return;
      const ready = kind === "ready";
      if (!ready && !FAILED.has(kind)) return;
      told.add(now.id);
      countUnseen();

      // A shot of several takes is told once, when the last of them ends.
      const takes = [now, ...findShotTakes(qc, slug, now.shot.id).filter((g) => g.id !== now.id)];
      if (takes.some((g) => ON_ITS_WAY.has(statusKind(g)))) return;
      const name = promptTitle(now.prompt, 40);
      const readyCount = takes.filter((g) => statusKind(g) === "ready").length;
      const several = takes.length > 1;
      const message = several
        ? t("shot", { ready: readyCount, takes: takes.length, name })
        : t(ready ? "ready" : "failed", { name });
      const href = several ? shotHref(slug, now.shot.id) : takeHref(slug, now.id);
      tellOutside(message, now.shot.id, prefsRef.current, () => router.push(href));
      notify(
        message,
        readyCount > 0 ? "success" : "error",
        { label: t("view"), href },
        // Never over an open menu or dialog: it waits until that has closed.
        { yields: true },
      );
    },
    [slug, t, qc, router],
  );
}
