"use client";
import { useTranslations } from "next-intl";
import { useEffect, useMemo, useRef } from "react";
import { CollectionBanner } from "@/components/gallery/collection-banner";
import { DeletedNotice } from "@/components/gallery/deleted-notice";
import { FilterBar, NoMatches, useGalleryFilters } from "@/components/gallery/filter-bar";
import { GalleryLinks } from "@/components/gallery/gallery-links";
import { GenerationCard } from "@/components/gallery/generation-card";
import type { Viewer } from "@/components/gallery/status";
import { useLiveConnected } from "@/components/studio/live-updates";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { FilmIcon } from "@/components/ui/icons";
import { Spinner } from "@/components/ui/spinner";
import type { GenerationDto, GenerationPage } from "@/lib/generations/dto";
import { useGenerations } from "@/lib/queries/use-generations";

export function Gallery(props: {
  slug: string;
  initialPage?: GenerationPage;
  canGenerate: boolean;
  viewer: Viewer;
}) {
  const t = useTranslations("gallery");
  const live = useLiveConnected();
  const filters = useGalleryFilters();
  const query = useGenerations({
    slug: props.slug,
    initialPage: props.initialPage,
    live,
    filters: filters.query,
  });
  const { hasNextPage, isFetchingNextPage, fetchNextPage } = query;

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

  // Load the next page a little before the bottom is reached; the button stays for keyboards.
  const sentinel = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const el = sentinel.current;
    if (!el || !hasNextPage) return;
    const observer = new IntersectionObserver(
      (entries) => {
        if (entries.some((e) => e.isIntersecting) && !isFetchingNextPage) void fetchNextPage();
      },
      { rootMargin: "600px 0px" },
    );
    observer.observe(el);
    return () => observer.disconnect();
  }, [hasNextPage, isFetchingNextPage, fetchNextPage]);

  return (
    <section id="videos" aria-labelledby="gallery-title" className="min-w-0 scroll-mt-20">
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
        <GalleryLinks slug={props.slug} canShare={props.canGenerate} />
      </div>

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
          <ul className="grid grid-cols-1 gap-4 sm:grid-cols-2 xl:grid-cols-3">
            {items.map((g, index) => (
              <li key={g.id} className="flex *:w-full">
                <GenerationCard
                  g={g}
                  slug={props.slug}
                  canGenerate={props.canGenerate}
                  viewer={props.viewer}
                  eager={index < 3}
                />
              </li>
            ))}
          </ul>
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
    </section>
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
