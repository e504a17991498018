"use client";
import { useQuery } from "@tanstack/react-query";
import { SlidersHorizontal } from "lucide-react";
import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { useTranslations } from "next-intl";
import { Suspense, useEffect, useMemo, useRef, useState } from "react";
import { unwrap, useCollections } from "@/components/collections/queries";
import { DateRangeFilter } from "@/components/gallery/date-range-filter";
import { FilterSelect } from "@/components/gallery/filter-select";
import { useModelText } from "@/components/models/use-model-text";
import { cn } from "@/components/ui/cn";
import { SearchIcon, StarIcon, XIcon } from "@/components/ui/icons";
import { onDemand } from "@/components/ui/on-demand";
import { listAuthorsAction } from "@/lib/actions/generations/list-authors";
import { MODEL_IDS } from "@/lib/kie/models";

const KEYS = ["q", "state", "model", "favorites", "collection", "author", "from", "to"] as const;
type Key = (typeof KEYS)[number];
const STATES = ["ready", "in_progress", "failed"] as const;

/**
 * The gallery's filters, read from the URL (so a filtered gallery can be linked and reloaded),
 * as the query the generations API takes. Dates are the browser's local days.
 */
export function useGalleryFilters(): { query: Record<string, string>; active: boolean } {
  const params = useSearchParams();
  return useMemo(() => {
    const query: Record<string, string> = {};
    for (const key of KEYS) {
      const value = params.get(key)?.trim();
      if (!value) continue;
      if (key === "from" || key === "to") {
        const day = new Date(`${value}T00:00:00`);
        if (Number.isNaN(day.getTime())) continue;
        // "To" a day includes it: up to the next local midnight (a calendar day, which is 23 or
        // 25 hours long when the clocks change).
        if (key === "to") day.setDate(day.getDate() + 1);
        query[key] = day.toISOString();
      } else {
        query[key] = value;
      }
    }
    return { query, active: Object.keys(query).length > 0 };
  }, [params]);
}

const Sheet = onDemand(() =>
  import("@/components/gallery/filters-sheet").then((m) => m.FiltersSheet),
);

/** Search, state, favorites, collection, author and dates above the gallery. */
export function FilterBar(props: { slug: string; canStar: boolean }) {
  const t = useTranslations("filters");
  const { long: modelFilterLabel } = useModelText();
  const [sheetOpen, setSheetOpen] = useState(false);
  // Kept once opened, so closing lets the sheet finish as Radix closes it.
  const [sheetWanted, setSheetWanted] = useState(false);
  const sheetTrigger = useRef<HTMLButtonElement>(null);
  const router = useRouter();
  const pathname = usePathname();
  const params = useSearchParams();
  // The collection and author lists are asked for when a person reaches for one of the two
  // filters (or one is chosen), not with the page: the gallery's first paint doesn't wait on them.
  const [listsWanted, setListsWanted] = useState(false);
  const wantLists = () => setListsWanted(true);
  const collections = useCollections(
    props.slug,
    undefined,
    listsWanted || params.has("collection"),
  );
  const authors = useQuery({
    queryKey: ["authors", props.slug],
    queryFn: () => unwrap(listAuthorsAction({ workspaceSlug: props.slug })),
    staleTime: 60_000,
    enabled: listsWanted || params.has("author"),
  });

  // The query the last change asked for, until the URL shows it: a second change made before the
  // first one's navigation landed builds on it, so quick changes never undo each other.
  const pending = useRef<string | null>(null);
  const current = params.toString();
  useEffect(() => {
    if (pending.current === current) pending.current = null;
  }, [current]);
  const go = (qs: string) => {
    // Already there (or on the way): nothing to load again.
    if (qs === (pending.current ?? current)) return;
    pending.current = qs === current ? null : qs;
    router.replace(qs ? `${pathname}?${qs}` : pathname, { scroll: false });
  };
  const set = (changes: Partial<Record<Key, string | null>>) => {
    const next = new URLSearchParams(pending.current ?? current);
    for (const [k, v] of Object.entries(changes)) {
      if (v) next.set(k, v);
      else next.delete(k);
    }
    go(next.toString());
  };

  // The search box updates the URL after a pause in typing, not on every key. The box follows the
  // URL only when the URL changed from elsewhere (Clear, Back, a link): what the box itself sent
  // coming back must not overwrite what was typed since (or a trailing space).
  const urlQ = params.get("q") ?? "";
  const [q, setQ] = useState(urlQ);
  const sentQ = useRef(urlQ);
  useEffect(() => {
    if (urlQ === sentQ.current) return;
    sentQ.current = urlQ;
    setQ(urlQ);
  }, [urlQ]);
  useEffect(() => {
    const wanted = q.trim();
    if (wanted === sentQ.current) return;
    const timer = setTimeout(() => {
      sentQ.current = wanted;
      set({ q: wanted || null });
    }, 300);
    return () => clearTimeout(timer);
  });

  const value = (k: Key) => params.get(k) ?? "";
  const active = KEYS.some((k) => params.get(k));
  const favorites = value("favorites") === "1";
  // Filters past the search box and the star, which a phone keeps behind one button.
  const narrowing = (["state", "model", "collection", "author", "from"] as const).filter(
    (k) => value(k) || (k === "from" && value("to")),
  ).length;
  const clear = () => {
    sentQ.current = "";
    setQ("");
    go("");
  };

  const controls = (
    <>
      <FilterSelect
        label={t("state")}
        value={value("state")}
        onChange={(v) => set({ state: v })}
        any={t("anyState")}
        options={STATES.map((s) => ({ value: s, label: t(`states.${s}`) }))}
      />
      <FilterSelect
        label={t("model")}
        value={value("model")}
        onChange={(v) => set({ model: v })}
        any={t("anyModel")}
        options={MODEL_IDS.map((id) => ({ value: id, label: modelFilterLabel(id) }))}
      />
      <FilterSelect
        label={t("collection")}
        value={value("collection")}
        onChange={(v) => set({ collection: v })}
        any={t("anyCollection")}
        options={(collections.data ?? []).map((c) => ({ value: c.id, label: c.name }))}
        onIntent={wantLists}
      />
      <FilterSelect
        label={t("author")}
        value={value("author")}
        onChange={(v) => set({ author: v })}
        any={t("anyAuthor")}
        options={(authors.data ?? []).map((a) => ({ value: a.id, label: a.email }))}
        onIntent={wantLists}
      />
      <DateRangeFilter
        from={value("from")}
        to={value("to")}
        onChange={(range) => set(range)}
        className="w-full md:w-auto md:max-w-48"
      />
    </>
  );

  return (
    <div className="mb-4 flex flex-wrap items-center gap-2" data-testid="filter-bar">
      <div className="relative min-w-[10rem] flex-1">
        <SearchIcon className="pointer-events-none absolute top-1/2 left-2.5 size-4 -translate-y-1/2 text-fg-muted" />
        <input
          type="search"
          data-testid="gallery-search"
          value={q}
          onChange={(e) => setQ(e.target.value)}
          placeholder={t("search")}
          aria-label={t("search")}
          maxLength={200}
          className="h-8 w-full rounded-md bg-surface pr-3 pl-8 text-[13px] text-fg shadow-xs ring-1 ring-inset ring-line placeholder:text-fg-subtle focus:ring-2 focus:ring-accent-500 focus:outline-none"
        />
      </div>
      {props.canStar && (
        <button
          type="button"
          aria-pressed={favorites}
          onClick={() => set({ favorites: favorites ? null : "1" })}
          className={cn(
            "inline-flex h-8 items-center gap-1.5 rounded-md px-2.5 text-[13px] font-medium shadow-xs ring-1 ring-inset transition-colors",
            favorites
              ? "bg-warning-soft text-warning ring-warning-line"
              : "bg-surface text-fg-soft ring-line hover:bg-canvas",
          )}
        >
          <StarIcon filled={favorites} className={cn("size-4", favorites && "text-warning")} />
          <span className="max-sm:sr-only">{t("favorites")}</span>
        </button>
      )}
      {/* Wide screens: every filter in the one row. */}
      <div className="hidden items-center gap-2 md:flex">{controls}</div>
      {/* Phones: one button, and the filters in a sheet. */}
      <button
        ref={sheetTrigger}
        type="button"
        aria-haspopup="dialog"
        aria-expanded={sheetOpen}
        onPointerEnter={Sheet.preload}
        onFocus={Sheet.preload}
        onClick={() => {
          setSheetWanted(true);
          setSheetOpen(true);
        }}
        className={cn(
          "inline-flex h-8 items-center gap-1.5 rounded-md px-2.5 text-[13px] font-medium shadow-xs ring-1 ring-inset md:hidden",
          narrowing
            ? "bg-accent-50 text-accent-700 ring-accent-300"
            : "bg-surface text-fg-soft ring-line",
        )}
      >
        <SlidersHorizontal aria-hidden="true" className="size-4" />
        {t("filtersButton")}
        {narrowing > 0 && (
          <span className="rounded-full bg-accent-600 px-1.5 text-[11px] leading-4 text-white">
            {narrowing}
          </span>
        )}
      </button>
      {sheetWanted && (
        <Suspense fallback={null}>
          <Sheet.Component
            open={sheetOpen}
            onOpenChange={setSheetOpen}
            trigger={sheetTrigger}
            controls={controls}
            onClear={clear}
            canClear={active}
          />
        </Suspense>
      )}
      {active && (
        <button
          type="button"
          data-testid="clear-filters"
          onClick={clear}
          className="inline-flex h-8 items-center justify-center gap-1 rounded-md px-2 text-[13px] font-medium text-fg-muted hover:bg-muted hover:text-fg"
        >
          <XIcon className="size-3.5" />
          {t("clear")}
        </button>
      )}
    </div>
  );
}

/** What the gallery shows when filters leave nothing. */
export function NoMatches(props: { query: Record<string, string> }) {
  const t = useTranslations("filters");
  // One filter alone that other words would not change: nothing starred, or an empty collection.
  const keys = Object.keys(props.query).join();
  const why =
    keys === "favorites" && props.query.favorites === "1"
      ? "noFavorites"
      : keys === "collection"
        ? "emptyCollection"
        : "noMatches";
  return (
    <div className="rounded-2xl border border-dashed border-line-strong bg-surface/60 px-6 py-14 text-center">
      <p className="text-sm font-semibold text-fg">{t(`${why}Title`)}</p>
      <p className="mt-1 text-[13px] text-fg-muted">{t(`${why}Body`)}</p>
    </div>
  );
}
