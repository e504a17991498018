"use client";
import { useTranslations } from "next-intl";
import { useEffect } from "react";
import { notify } from "@/components/ui/notices/store";

const KEY = "hailuo-studio:just-deleted";

/** Called by a video's page right before it goes back to the gallery after deleting it. */
export function noteDeletion(): void {
  try {
    window.sessionStorage.setItem(KEY, "1");
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
    let arrived = false;
    try {
      arrived = window.sessionStorage.getItem(KEY) !== null;
      window.sessionStorage.removeItem(KEY);
    } catch {
      return;
    }
    if (!arrived) return;
    document.getElementById(props.headingId)?.focus();
    notify(t("deleted"));
  }, [props.headingId, t]);
  return null;
}
