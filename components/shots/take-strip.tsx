"use client";
import { useTranslations } from "next-intl";
import { statusKind } from "@/components/gallery/status";
import { shotHref } from "@/components/shots/shot-links";
import { TakeThumb } from "@/components/shots/take-thumb";
import { buttonClasses } from "@/components/ui/button";
import { cn } from "@/components/ui/cn";
import { CompareIcon } from "@/components/ui/icons";
import { IntentLink } from "@/components/ui/intent-link";
import type { GenerationDto } from "@/lib/generations/dto";
import { comparableTakes } from "@/lib/generations/shots";

/**
 * A shot's takes under its card's picture, their states live: choosing one shows it in the card;
 * Compare opens them all at full size, side by side.
 */
export function TakeStrip(props: {
  slug: string;
  shotId: string;
  takes: GenerationDto[];
  selectedId: string;
  onSelect: (id: string) => void;
  compact?: boolean;
}) {
  const t = useTranslations("shots");
  const ts = useTranslations("status");
  const canCompare = comparableTakes(props.takes).length >= 2;
  return (
    // Above the card's stretched link, so the takes get their own clicks.
    <div className="relative z-10 flex items-center gap-2 px-3.5 pt-3">
      <fieldset data-testid="take-strip" className="grid min-w-0 flex-1 grid-cols-4 gap-1.5">
        <legend className="sr-only">{t("strip")}</legend>
        {props.takes.map((g) => {
          const selected = g.id === props.selectedId;
          return (
            <button
              key={g.id}
              type="button"
              aria-pressed={selected}
              aria-label={t("takeName", {
                take: g.shot.take,
                takes: g.shot.takes,
                status: ts(`label.${statusKind(g)}`),
              })}
              onClick={() => props.onSelect(g.id)}
              className={cn(
                "rounded transition",
                "focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-accent-500",
                selected
                  ? "ring-2 ring-accent-500"
                  : "opacity-80 ring-1 ring-line hover:opacity-100 hover:ring-line-strong",
              )}
            >
              <TakeThumb g={g} className="w-full" />
            </button>
          );
        })}
      </fieldset>
      {canCompare && (
        <IntentLink
          href={shotHref(props.slug, props.shotId)}
          aria-label={t("compareName")}
          title={t("compareName")}
          data-testid="compare-link"
          className={buttonClasses({ variant: "secondary", size: "sm", className: "px-2" })}
        >
          <CompareIcon className="size-3.5" />
          {!props.compact && t("compare")}
        </IntentLink>
      )}
    </div>
  );
}
