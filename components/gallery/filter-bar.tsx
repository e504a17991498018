"use client";
import { useQuery } from "@tanstack/react-query";
import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { useTranslations } from "next-intl";
import { type ReactNode, useEffect, useMemo, useRef, useState } from "react";
import { unwrap, useCollections } from "@/components/collections/queries";
import { cn } from "@/components/ui/cn";
import { SearchIcon, StarIcon, XIcon } from "@/components/ui/icons";
import { listAuthorsAction } from "@/lib/actions/generations/list-authors";

const KEYS = ["q", "state", "favorites", "collection", "author", "from", "to"] as const;
type Key = (typeof KEYS)[number];
const STATES = ["ready", "in_progress", "failed"] as const;
const DAY_MS = 86_400_000;

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
        query[key] = new Date(day.getTime() + (key === "to" ? DAY_MS : 0)).toISOString();
      } else {
        query[key] = value;
      }
    }
    return { query, active: Object.keys(query).length > 0 };
  }, [params]);
}

/** Search, state, favorites, collection, author and dates above the gallery. */
export function FilterBar(props: { slug: string; canStar: boolean }) {
  const t = useTranslations("filters");
  const router = useRouter();
  const pathname = usePathname();
  const params = useSearchParams();
  const collections = useCollections(props.slug);
  const authors = useQuery({
    queryKey: ["authors", props.slug],
    queryFn: () => unwrap(listAuthorsAction({ workspaceSlug: props.slug })),
    staleTime: 60_000,
  });

  // The query the last change asked for, until the URL shows it: a second change made before the
  // first one's navigation landed builds on it, so quick changes never undo each other.
  const pending = useRef<string | null>(null);
  const current = params.toString();
  useEffect(() => {
    if (pending.current === current) pending.current = null;
  }, [current]);
  const go = (qs: string) => {
    pending.current = qs;
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

  // The search box updates the URL after a pause in typing, not on every key.
  const urlQ = params.get("q") ?? "";
  const [q, setQ] = useState(urlQ);
  useEffect(() => setQ(urlQ), [urlQ]);
  useEffect(() => {
    if (q === urlQ) return;
    const timer = setTimeout(() => set({ q: q.trim() || null }), 300);
    return () => clearTimeout(timer);
  });

  const value = (k: Key) => params.get(k) ?? "";
  const active = KEYS.some((k) => params.get(k));
  const favorites = value("favorites") === "1";

  return (
    <div className="mb-4 space-y-2.5" data-testid="filter-bar">
      <div className="flex flex-wrap items-center gap-2">
        <div className="relative min-w-[12rem] flex-1">
          <SearchIcon className="pointer-events-none absolute top-1/2 left-2.5 size-4 -translate-y-1/2 text-fg-muted" />
          <input
            type="search"
            data-testid="gallery-search"
            value={q}
            onChange={(e) => setQ(e.target.value)}
            placeholder={t("search")}
            aria-label={t("search")}
            maxLength={200}
            className="h-9 w-full rounded-lg bg-surface pr-3 pl-8 text-sm text-fg shadow-xs ring-1 ring-inset ring-line placeholder:text-fg-subtle focus:ring-2 focus:ring-accent-500 focus:outline-none"
          />
        </div>
        {props.canStar && (
          <button
            type="button"
            aria-pressed={favorites}
            onClick={() => set({ favorites: favorites ? null : "1" })}
            className={cn(
              "inline-flex h-9 items-center gap-1.5 rounded-lg px-3 text-[13px] font-medium shadow-xs ring-1 ring-inset transition-colors",
              favorites
                ? "bg-warning-soft text-warning ring-warning-line"
                : "bg-surface text-fg-soft ring-line hover:bg-canvas",
            )}
          >
            <StarIcon filled={favorites} className={cn("size-4", favorites && "text-warning")} />
            {t("favorites")}
          </button>
        )}
      </div>
      {/* Phones: an even two-column grid (the author list takes a whole row); wider: one row of
          fixed-width lists, so the row does not shift when the lists load. */}
      <div className="grid grid-cols-2 items-center gap-2 sm:flex sm:flex-wrap">
        <Select label={t("state")} value={value("state")} onChange={(v) => set({ state: v })}>
          <option value="">{t("anyState")}</option>
          {STATES.map((s) => (
            <option key={s} value={s}>
              {t(`states.${s}`)}
            </option>
          ))}
        </Select>
        <Select
          label={t("collection")}
          value={value("collection")}
          onChange={(v) => set({ collection: v })}
        >
          <option value="">{t("anyCollection")}</option>
          {collections.data?.map((c) => (
            <option key={c.id} value={c.id}>
              {c.name}
            </option>
          ))}
        </Select>
        <Select
          label={t("author")}
          value={value("author")}
          onChange={(v) => set({ author: v })}
          className="col-span-2"
        >
          <option value="">{t("anyAuthor")}</option>
          {authors.data?.map((a) => (
            <option key={a.id} value={a.id}>
              {a.email}
            </option>
          ))}
        </Select>
        <DateInput label={t("from")} value={value("from")} onChange={(v) => set({ from: v })} />
        <DateInput label={t("to")} value={value("to")} onChange={(v) => set({ to: v })} />
        {active && (
          <button
            type="button"
            data-testid="clear-filters"
            onClick={() => {
              setQ("");
              go("");
            }}
            className="col-span-2 inline-flex h-8 items-center justify-center gap-1 rounded-md px-2 text-[13px] font-medium text-fg-muted hover:bg-muted hover:text-fg"
          >
            <XIcon className="size-3.5" />
            {t("clear")}
          </button>
        )}
      </div>
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

function Select(props: {
  label: string;
  value: string;
  onChange: (v: string | null) => void;
  children: ReactNode;
  className?: string;
}) {
  return (
    <select
      aria-label={props.label}
      value={props.value}
      onChange={(e) => props.onChange(e.target.value || null)}
      className={cn(
        "h-8 w-full min-w-0 rounded-md bg-surface px-2 text-[13px] shadow-xs ring-1 ring-inset focus:ring-2 focus:ring-accent-500 focus:outline-none sm:w-40",
        props.value ? "text-fg ring-accent-300" : "text-fg-muted ring-line",
        props.className,
      )}
    >
      {props.children}
    </select>
  );
}

function DateInput(props: { label: string; value: string; onChange: (v: string | null) => void }) {
  return (
    <label className="flex min-w-0 items-center gap-1.5 text-[13px] text-fg-muted">
      {props.label}
      <input
        type="date"
        value={props.value}
        onChange={(e) => props.onChange(e.target.value || null)}
        className={cn(
          "h-8 min-w-0 flex-1 rounded-md bg-surface px-2 text-[13px] shadow-xs ring-1 ring-inset focus:ring-2 focus:ring-accent-500 focus:outline-none",
          props.value ? "text-fg ring-accent-300" : "text-fg-muted ring-line",
        )}
      />
    </label>
  );
}
