"use client";
import { useTranslations } from "next-intl";
import { useLayoutEffect, useRef, useState } from "react";
import { cn } from "@/components/ui/cn";

/** A prompt cut to three lines in a grid card, with "Show more" when there is more to read. */
export function ExpandablePrompt(props: { prompt: string }) {
  const t = useTranslations("publicShare");
  const text = useRef<HTMLParagraphElement>(null);
  const [open, setOpen] = useState(false);
  const [cut, setCut] = useState(false);

  // Whether the clamp hides anything depends on the card's width and the font: measured, not guessed.
  useLayoutEffect(() => {
    const el = text.current;
    if (!el || open) return;
    const measure = () => setCut(el.scrollHeight > el.clientHeight + 1);
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(el);
    return () => observer.disconnect();
  }, [open]);

  return (
    <div className="min-w-0 flex-1">
      <p
        ref={text}
        className={cn(
          "text-[13px] leading-5 break-words whitespace-pre-line text-fg",
          !open && "line-clamp-3",
        )}
      >
        {props.prompt}
      </p>
      {(cut || open) && (
        <button
          type="button"
          aria-expanded={open}
          onClick={() => setOpen((o) => !o)}
          className="mt-1 text-xs font-medium text-accent-700 hover:underline"
        >
          {open ? t("showLess") : t("showMore")}
        </button>
      )}
    </div>
  );
}
