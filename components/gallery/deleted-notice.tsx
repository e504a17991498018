"use client";
import { useTranslations } from "next-intl";
import { useEffect, useState } from "react";
import { CheckIcon } from "@/components/ui/icons";

const KEY = "hailuo-studio:just-deleted";

/** Called by a video's page right before it goes back to the gallery after deleting it. */
export function noteDeletion(): void {
  try {
    window.sessionStorage.setItem(KEY, "1");
  } catch {
    // Storage disabled: the gallery simply shows without the note.
  }
}

/**
 * "Video deleted", for a few seconds after arriving from a deleted video's page, with focus on
 * the gallery's heading: the press that led here left the page it was on.
 */
export function DeletedNotice(props: { headingId: string }) {
  const t = useTranslations("gallery");
  const [shown, setShown] = useState(false);
  useEffect(() => {
    let arrived = false;
    try {
      arrived = window.sessionStorage.getItem(KEY) !== null;
      window.sessionStorage.removeItem(KEY);
    } catch {
      return;
    }
    if (!arrived) return;
    setShown(true);
    document.getElementById(props.headingId)?.focus();
    const timer = setTimeout(() => setShown(false), 6_000);
    return () => clearTimeout(timer);
  }, [props.headingId]);
  return (
    <span aria-live="polite" className="text-xs font-medium text-success empty:sr-only">
      {shown && (
        <span className="inline-flex items-center gap-1">
          <CheckIcon className="size-3.5" />
          {t("deleted")}
        </span>
      )}
    </span>
  );
}
