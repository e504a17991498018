"use client";
import { useState } from "react";
import { GenerationCard } from "@/components/gallery/generation-card";
import type { Viewer } from "@/components/gallery/status";
import { TakeStrip } from "@/components/shots/take-strip";
import { leadTake, type ShotGroup } from "@/lib/generations/shots";

/**
 * One press of Generate in the gallery: the card shows one take (the kept one, else the first
 * ready) and, when the list holds more than one, the strip of all of them to switch between.
 * Everything on the card — favourite, collection, delete, the link — is about the take shown.
 */
export function ShotCard(props: {
  shot: ShotGroup;
  slug: string;
  canGenerate: boolean;
  viewer: Viewer;
  eager?: boolean;
  compact?: boolean;
  /** Opens the full-screen viewer at a take; `canWatch` says which takes it holds. */
  onWatch?: (id: string) => void;
  canWatch?: (id: string) => boolean;
}) {
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
      onWatch={
        props.onWatch && props.canWatch?.(shown.id) ? () => props.onWatch?.(shown.id) : undefined
      }
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
