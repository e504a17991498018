"use client";
import { useTranslations } from "next-intl";
import { useEffect } from "react";
import { notify } from "@/components/ui/notices/store";

const KEY = "hailuo-studio:just-deleted";

/** Called by a video's (or a shot's) page right before it goes back to the gallery after deleting it. */
export function noteDeletion(what: "video" | "shot" = "video"): void {
  try {
    window.sessionStorage.setItem(KEY, what);
  } catch {
    // Storage disabled: the gallery simply shows without the notice.
  }
}

/**
 * "Video deleted", as a notice, on arriving from a deleted video's page, with focus on the
 * gallery's heading: the press that led here left the page it was on.
 */
export function DeletedNotice(props: { headingId: string }) {
  const t = useTranslations("gallery");
  useEffect(() => {
    let arrived: string | null = null;
    try {
      arrived = window.sessionStorage.getItem(KEY);
      window.sessionStorage.removeItem(KEY);
    } catch {
      return;
    }
    if (arrived === null) return;
    document.getElementById(props.headingId)?.focus();
    notify(t(arrived === "shot" ? "deletedShot" : "deleted"));
  }, [props.headingId, t]);
  return null;
}
