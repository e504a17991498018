"use client";
import Link from "next/link";
import { useTranslations } from "next-intl";
import { statusKind } from "@/components/gallery/status";
import { KeepButton } from "@/components/shots/keep-button";
import { shotHref, takeHref } from "@/components/shots/shot-links";
import { TakeThumb } from "@/components/shots/take-thumb";
import { useLiveConnected } from "@/components/studio/live-updates";
import { buttonClasses } from "@/components/ui/button";
import { cn } from "@/components/ui/cn";
import { CompareIcon } from "@/components/ui/icons";
import type { GenerationDto } from "@/lib/generations/dto";
import { comparableTakes } from "@/lib/generations/shots";
import { useGenerations } from "@/lib/queries/use-generations";

/** On a take's page: its shot's other takes, a step away; Keep, and Compare them all. */
export function TakeNav(props: { slug: string; g: GenerationDto; canKeep: boolean }) {
  const t = useTranslations("shots");
  const ts = useTranslations("status");
  const live = useLiveConnected();
  const query = useGenerations({ slug: props.slug, live, filters: { shot: props.g.shot.id } });
  const takes = (query.data?.pages.flatMap((p) => p.items) ?? [props.g])
    .slice()
    .sort((a, b) => a.shot.take - b.shot.take);
  const canCompare = comparableTakes(takes).length >= 2;
  return (
    <div className="flex flex-wrap items-center gap-3 rounded-2xl bg-surface p-3 shadow-xs ring-1 ring-line/80">
      <nav aria-label={t("takes")} className="flex items-center gap-1.5">
        {takes.map((take) => {
          const current = take.id === props.g.id;
          return (
            <Link
              key={take.id}
              href={takeHref(props.slug, take.id)}
              aria-current={current ? "page" : undefined}
              aria-label={t("takeName", {
                take: take.shot.take,
                takes: take.shot.takes,
                status: ts(`label.${statusKind(take)}`),
              })}
              className={cn(
                "w-16 rounded focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-accent-500",
                current
                  ? "ring-2 ring-accent-500"
                  : "opacity-80 ring-1 ring-line hover:opacity-100",
              )}
            >
              <TakeThumb g={take} className="w-full" />
            </Link>
          );
        })}
      </nav>
      <div className="ml-auto flex flex-wrap items-center gap-2">
        {canCompare && (
          <Link
            href={shotHref(props.slug, props.g.shot.id)}
            className={buttonClasses({ variant: "secondary", size: "sm" })}
          >
            <CompareIcon className="size-3.5" />
            {t("compareName")}
          </Link>
        )}
        {props.canKeep && statusKind(props.g) === "ready" && (
          <KeepButton slug={props.slug} g={props.g} />
        )}
      </div>
    </div>
  );
}
