"use client";
import { useTranslations } from "next-intl";
import { useFavoriteIds, useToggleFavorite } from "@/components/collections/queries";
import { cn } from "@/components/ui/cn";
import { StarIcon } from "@/components/ui/icons";

/** The star on a card or the detail view: a favorite of the signed-in person only. */
export function FavoriteButton(props: { slug: string; generationId: string; className?: string }) {
  const t = useTranslations("collections");
  const favorites = useFavoriteIds(props.slug);
  const toggle = useToggleFavorite(props.slug);
  const on = favorites.data?.has(props.generationId) ?? false;
  return (
    <button
      type="button"
      data-testid="favorite-button"
      aria-pressed={on}
      aria-label={on ? t("unfavorite") : t("favorite")}
      title={on ? t("unfavorite") : t("favorite")}
      disabled={favorites.isPending}
      onClick={() => toggle.mutate({ generationId: props.generationId, favorite: !on })}
      className={cn(
        "relative z-10 inline-flex size-8 items-center justify-center rounded-md transition-colors",
        "focus-visible:outline-2 focus-visible:outline-accent-500 disabled:opacity-40",
        on ? "text-warning hover:text-warning" : "text-fg-muted hover:bg-muted hover:text-fg",
        props.className,
      )}
    >
      <StarIcon filled={on} className="size-4" />
    </button>
  );
}
