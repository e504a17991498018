"use client";
import { memo, useState } from "react";
import { isWatchable } from "@/components/gallery/gallery-viewer";
import { GenerationCard } from "@/components/gallery/generation-card";
import type { Viewer } from "@/components/gallery/status";
import { TakeStrip } from "@/components/shots/take-strip";
import { leadTake, type ShotGroup } from "@/lib/generations/shots";

/**
 * One press of Generate in the gallery: the card shows one take (the kept one, else the first
 * ready) and, when the list holds more than one, the strip of all of them to switch between.
 * Everything on the card — favourite, collection, delete, the link — is about the take shown.
 */
interface ShotCardProps {
  shot: ShotGroup;
  slug: string;
  canGenerate: boolean;
  viewer: Viewer;
  eager?: boolean;
  compact?: boolean;
  /** Opens the full-screen viewer at a take (one that is a ready video). */
  onWatch?: (id: string) => void;
}

/**
 * Rendered again only when its own takes change: a press, a live event or a new page renders
 * the cards it touches, not the whole gallery. The takes are compared one by one because the
 * gallery groups them into new shot objects each time its list changes.
 */
export const ShotCard = memo(ShotCardBody, (before, after) => {
  const a = before.shot.takes;
  const b = after.shot.takes;
  return (
    before.shot.id === after.shot.id &&
    a.length === b.length &&
    a.every((take, i) => take === b[i]) &&
    before.slug === after.slug &&
    before.canGenerate === after.canGenerate &&
    before.viewer === after.viewer &&
    before.eager === after.eager &&
    before.compact === after.compact &&
    before.onWatch === after.onWatch
  );
});

function ShotCardBody(props: ShotCardProps) {
  const { takes } = props.shot;
  const [chosen, setChosen] = useState<string | null>(null);
  const lead = leadTake(takes);
  const shown = takes.find((g) => g.id === chosen) ?? lead;
  if (!shown) return null;
  return (
    <GenerationCard
      g={shown}
      slug={props.slug}
      canGenerate={props.canGenerate}
      viewer={props.viewer}
      eager={props.eager}
      compact={props.compact}
      shotId={takes.length > 1 ? props.shot.id : undefined}
      onWatch={props.onWatch && isWatchable(shown) ? () => props.onWatch?.(shown.id) : undefined}
      strip={
        takes.length > 1 && (
          <TakeStrip
            slug={props.slug}
            shotId={props.shot.id}
            takes={takes}
            selectedId={shown.id}
            onSelect={setChosen}
            compact={props.compact}
          />
        )
      }
    />
  );
}
