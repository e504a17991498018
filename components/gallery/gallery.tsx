"use client";
import { Grid3x3, LayoutGrid, Maximize, Square } from "lucide-react";
import { useFormatter, useTimeZone, useTranslations } from "next-intl";
import { useEffect, useMemo, useRef, useState } from "react";
import { CollectionBanner } from "@/components/gallery/collection-banner";
import { dayKey, groupByDay, relativeDay } from "@/components/gallery/day-groups";
import { DeletedNotice } from "@/components/gallery/deleted-notice";
import { FilterBar, NoMatches, useGalleryFilters } from "@/components/gallery/filter-bar";
import { GalleryLinks } from "@/components/gallery/gallery-links";
import { preloadViewer, useGalleryViewer } from "@/components/gallery/gallery-viewer";
import type { Viewer } from "@/components/gallery/status";
import { useBrowserValue } from "@/components/hooks/use-hydrated";
import { ShotCard } from "@/components/shots/shot-card";
import { useLiveConnected } from "@/components/studio/live-updates";
import { QueuePanel } from "@/components/studio/queue-panel";
import { StudioShortcuts } from "@/components/studio/studio-shortcuts";
import { useLayoutPref } from "@/components/studio/use-layout-pref";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { cn } from "@/components/ui/cn";
import { FilmIcon } from "@/components/ui/icons";
import { Spinner } from "@/components/ui/spinner";
import type { GenerationDto, GenerationPage } from "@/lib/generations/dto";
import { groupShots, type ShotGroup } from "@/lib/generations/shots";
import { useGenerations } from "@/lib/queries/use-generations";
import { DENSITIES, DENSITY_COOKIE, type Density } from "@/lib/studio/layout-prefs";

// Columns by the gallery's own width (a container query), so folding the editor away gives the
// videos its room at once.
const GRID: Record<Density, string> = {
  small: "grid-cols-2 gap-3 @xl:grid-cols-3 @3xl:grid-cols-4 @5xl:grid-cols-5 @7xl:grid-cols-6",
  medium: "grid-cols-1 gap-4 @lg:grid-cols-2 @3xl:grid-cols-3 @6xl:grid-cols-4",
  large: "grid-cols-1 gap-5 @2xl:grid-cols-2 @7xl:grid-cols-3",
};

export function Gallery(props: {
  slug: string;
  initialPage?: GenerationPage;
  initialDensity?: Density;
  canGenerate: boolean;
  viewer: Viewer;
}) {
  const t = useTranslations("gallery");
  const [density, setDensity] = useLayoutPref<Density>(
    DENSITY_COOKIE,
    props.initialDensity ?? "medium",
  );
  const live = useLiveConnected();
  const filters = useGalleryFilters();
  const query = useGenerations({
    slug: props.slug,
    initialPage: props.initialPage,
    live,
    filters: filters.query,
  });
  const { hasNextPage, isFetchingNextPage, fetchNextPage, isFetchNextPageError } = query;

  // A generation added at the top can also arrive in a refetched page: show it once.
  const items = useMemo(() => {
    const seen = new Set<string>();
    const out: GenerationDto[] = [];
    for (const page of query.data?.pages ?? []) {
      for (const g of page.items) {
        if (!seen.has(g.id)) {
          seen.add(g.id);
          out.push(g);
        }
      }
    }
    return out;
  }, [query.data]);
  // The takes of one press make one card.
  const shots = useMemo(() => groupShots(items), [items]);
  const days = useDayGroups(shots);
  const viewer = useGalleryViewer(items);
  const eager = useMemo(() => new Set(shots.slice(0, 3).map((s) => s.id)), [shots]);

  // Load the next page a little before the bottom is reached; the button stays for keyboards.
  const sentinel = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const el = sentinel.current;
    // After a failed load the button stays for a person to try again; scrolling doesn't retry.
    if (!el || !hasNextPage || isFetchNextPageError) return;
    const observer = new IntersectionObserver(
      (entries) => {
        if (entries.some((e) => e.isIntersecting) && !isFetchingNextPage) void fetchNextPage();
      },
      { rootMargin: "600px 0px" },
    );
    observer.observe(el);
    return () => observer.disconnect();
  }, [hasNextPage, isFetchingNextPage, fetchNextPage, isFetchNextPageError]);

  return (
    <section
      id="videos"
      aria-labelledby="gallery-title"
      className="@container min-w-0 scroll-mt-20"
    >
      <div className="mb-3 flex flex-wrap items-center gap-x-3 gap-y-1">
        <h2
          id="gallery-title"
          tabIndex={-1}
          className="text-[15px] font-semibold tracking-tight text-fg outline-none"
        >
          {t("title")}
        </h2>
        {live && (
          <span className="inline-flex items-center gap-1.5 rounded-full bg-success-soft px-2 py-0.5 text-[11px] font-medium text-success ring-1 ring-inset ring-success-line">
            <span className="relative flex size-1.5">
              <span className="absolute inline-flex size-full animate-ping rounded-full bg-success-solid opacity-75" />
              <span className="relative inline-flex size-1.5 rounded-full bg-success-solid" />
            </span>
            {t("live")}
          </span>
        )}
        <DeletedNotice headingId="gallery-title" />
        {query.isFetching && !query.isFetchingNextPage && !query.isPending && (
          <Spinner className="size-3.5 text-fg-subtle" />
        )}
        <div className="ml-auto flex items-center gap-1 sm:gap-2">
          <GalleryLinks slug={props.slug} canShare={props.canGenerate} />
          {viewer.canWatch && <WatchButton onWatch={() => viewer.watch()} />}
          {items.length > 0 && <DensityControl value={density} onChange={setDensity} />}
        </div>
      </div>

      {props.canGenerate && (
        <QueuePanel slug={props.slug} viewerId={props.viewer.id} live={live} galleryItems={items} />
      )}
      <CollectionBanner slug={props.slug} canShare={props.canGenerate} />
      {/* Nothing to sift in a workspace without videos: the empty state speaks alone. */}
      {(filters.active || query.isPending || items.length > 0) && (
        <FilterBar slug={props.slug} canStar={props.canGenerate} />
      )}

      {query.isPending ? (
        <SkeletonGrid />
      ) : query.isError && items.length === 0 ? (
        <Alert>
          {t("loadError")}{" "}
          <button
            type="button"
            onClick={() => void query.refetch()}
            className="font-medium underline underline-offset-2"
          >
            {t("tryAgain")}
          </button>
        </Alert>
      ) : items.length === 0 ? (
        filters.active ? (
          <NoMatches query={filters.query} />
        ) : (
          <EmptyState />
        )
      ) : (
        <>
          <div className="space-y-6">
            {days.map((group) => (
              <section key={group.day} aria-labelledby={`day-${group.day}`}>
                <h3
                  id={`day-${group.day}`}
                  className="mb-2.5 text-[13px] font-medium text-fg-muted"
                >
                  {group.label}
                </h3>
                <ul className={cn("grid", GRID[density])}>
                  {group.items.map((shot) => (
                    <li key={shot.id} className="flex *:w-full">
                      <ShotCard
                        shot={shot}
                        slug={props.slug}
                        canGenerate={props.canGenerate}
                        viewer={props.viewer}
                        compact={density === "small"}
                        eager={eager.has(shot.id)}
                        onWatch={viewer.watch}
                      />
                    </li>
                  ))}
                </ul>
              </section>
            ))}
          </div>
          <div ref={sentinel} className="mt-6 flex justify-center">
            {hasNextPage ? (
              <Button
                variant="secondary"
                onClick={() => void fetchNextPage()}
                disabled={isFetchingNextPage}
              >
                {isFetchingNextPage && <Spinner />}
                {t("loadMore")}
              </Button>
            ) : (
              items.length > 6 && <p className="text-xs text-fg-muted">{t("end")}</p>
            )}
          </div>
        </>
      )}
      {viewer.viewer}
      <StudioShortcuts />
    </section>
  );
}

/** The whole gallery full screen, from its first ready video. */
function WatchButton(props: { onWatch: () => void }) {
  const t = useTranslations("shortcuts");
  return (
    <button
      type="button"
      onClick={props.onWatch}
      onPointerEnter={preloadViewer}
      onFocus={preloadViewer}
      aria-label={t("openName")}
      title={t("openName")}
      className="inline-flex size-8 items-center justify-center rounded-lg text-fg-muted transition-colors hover:bg-muted hover:text-fg focus-visible:outline-2 focus-visible:outline-accent-500"
    >
      <Maximize aria-hidden="true" strokeWidth={1.75} className="size-4" />
    </button>
  );
}

/** The gallery's shots by day, headed "Today", "Yesterday" or the date, in the viewer's zone. */
function useDayGroups(shots: ShotGroup[]) {
  const t = useTranslations("gallery");
  const format = useFormatter();
  const serverZone = useTimeZone();
  // The server can't know the viewer's zone: it renders in its own, and the browser regroups
  // when its zone is another.
  const timeZone = useBrowserValue<string | undefined>(browserTimeZone, serverZone);
  // A day's heading may turn from "Today" to "Yesterday" while the page stays open: checked
  // each minute, not each second.
  const minute = useMinute();
  return useMemo(() => {
    const now = new Date(minute * 60_000);
    // A shot is dated by its first take: its takes are made in the same instant.
    const dated = shots.map((shot) => ({ ...shot, createdAt: shot.takes[0]?.createdAt ?? "" }));
    return groupByDay(dated, timeZone).map((group) => {
      const relative = relativeDay(group.day, now, timeZone);
      const sameYear = group.day.slice(0, 4) === dayKey(now, timeZone).slice(0, 4);
      const label = relative
        ? t(relative)
        : format.dateTime(group.date, {
            timeZone,
            weekday: "long",
            month: "long",
            day: "numeric",
            ...(sameYear ? {} : { year: "numeric" }),
          });
      return { ...group, label };
    });
  }, [shots, timeZone, minute, t, format]);
}

let zone: string | undefined;
function browserTimeZone(): string {
  zone ??= Intl.DateTimeFormat().resolvedOptions().timeZone;
  return zone;
}

/** The current minute, ticking once a minute: the whole gallery re-renders when it changes. */
function useMinute(): number {
  const [minute, setMinute] = useState(() => Math.floor(Date.now() / 60_000));
  useEffect(() => {
    const timer = setInterval(() => setMinute(Math.floor(Date.now() / 60_000)), 60_000);
    return () => clearInterval(timer);
  }, []);
  return minute;
}

/** Three sizes of poster: more at a glance, or bigger to judge. */
function DensityControl(props: { value: Density; onChange: (d: Density) => void }) {
  const t = useTranslations("gallery.density");
  const icons = { small: Grid3x3, medium: LayoutGrid, large: Square } as const;
  return (
    <fieldset className="inline-flex h-8 items-center rounded-lg bg-muted p-0.5 ring-1 ring-inset ring-line/70">
      <legend className="sr-only">{t("label")}</legend>
      {DENSITIES.map((d) => {
        const Icon = icons[d];
        return (
          <button
            key={d}
            type="button"
            aria-pressed={props.value === d}
            aria-label={t(d)}
            title={t(d)}
            onClick={() => props.onChange(d)}
            className={cn(
              "inline-flex size-7 items-center justify-center rounded-md transition-colors",
              "focus-visible:outline-2 focus-visible:outline-offset-1 focus-visible:outline-accent-500",
              props.value === d
                ? "bg-surface text-fg shadow-xs ring-1 ring-line"
                : "text-fg-muted hover:text-fg",
            )}
          >
            <Icon aria-hidden="true" className="size-3.5" />
          </button>
        );
      })}
    </fieldset>
  );
}

function EmptyState() {
  const t = useTranslations("gallery");
  return (
    <div className="flex flex-col items-center justify-center rounded-2xl border border-dashed border-line-strong bg-surface/60 px-6 py-16 text-center">
      <div className="flex size-11 items-center justify-center rounded-xl bg-accent-50 text-accent-600 ring-1 ring-accent-100">
        <FilmIcon className="size-5" />
      </div>
      <h3 className="mt-4 text-sm font-semibold text-fg">{t("emptyTitle")}</h3>
      <p className="mt-1 max-w-xs text-[13px] leading-5 text-fg-muted">{t("emptyBody")}</p>
    </div>
  );
}

function SkeletonGrid() {
  return (
    <ul aria-hidden="true" className="grid grid-cols-1 gap-4 sm:grid-cols-2 xl:grid-cols-3">
      {["a", "b", "c"].map((k) => (
        <li key={k} className="overflow-hidden rounded-xl bg-surface ring-1 ring-line/80">
          <div className="aspect-video animate-pulse bg-muted" />
          <div className="space-y-2 p-3.5">
            <div className="h-3 w-11/12 animate-pulse rounded bg-muted" />
            <div className="h-3 w-2/3 animate-pulse rounded bg-muted" />
          </div>
        </li>
      ))}
    </ul>
  );
}
