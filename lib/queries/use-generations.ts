"use client";
import { type InfiniteData, type QueryClient, useInfiniteQuery } from "@tanstack/react-query";
import type { GenerationDto, GenerationPage } from "@/lib/generations/dto";

export const generationKeys = {
  all: (slug: string) => ["generations", slug] as const,
  list: (slug: string) => ["generations", slug, "list"] as const,
  detail: (slug: string, id: string) => ["generations", slug, "detail", id] as const,
};

type ListData = InfiniteData<GenerationPage, string | null>;

/** A failed request to the studio's own API, with its HTTP status. */
export class HttpError extends Error {
  constructor(readonly status: number) {
    super(`HTTP ${status}`);
    this.name = "HttpError";
  }
}

export async function fetchJson<T>(url: string, signal?: AbortSignal): Promise<T> {
  const res = await fetch(url, { signal, headers: { accept: "application/json" } });
  if (!res.ok) throw new HttpError(res.status);
  return (await res.json()) as T;
}

export function generationsUrl(slug: string) {
  return `/api/w/${encodeURIComponent(slug)}/generations`;
}

/** Whether a generation may still change on its own: kie.ai is working, or the video is being saved. */
export function isSettling(g: GenerationDto): boolean {
  if (g.state === "success")
    return g.media.state === "pending" || (!g.media.videoUrl && g.media.state !== "failed");
  return (
    g.state === "submitting" ||
    g.state === "waiting" ||
    g.state === "queuing" ||
    g.state === "generating"
  );
}

// With the event stream open, polling is only a safety net for a missed event.
export const POLL_MS = { disconnected: 5_000, connected: 20_000 };

/** The workspace's generations, newest first, 24 a page; polls while any is still settling. */
export function useGenerations(args: {
  slug: string;
  initialPage?: GenerationPage;
  live: boolean;
  /** The gallery's filters as the API's query parameters (see components/gallery/filter-bar). */
  filters?: Record<string, string>;
  /** The server rendered `initialPage` with these filters (not the unfiltered gallery). */
  initialIsFiltered?: boolean;
}) {
  const filterQuery = new URLSearchParams(args.filters ?? {}).toString();
  return useInfiniteQuery({
    // A filtered gallery is its own list under the same prefix, so invalidating the list
    // refreshes it too.
    queryKey: filterQuery
      ? [...generationKeys.list(args.slug), filterQuery]
      : generationKeys.list(args.slug),
    queryFn: ({ pageParam, signal }) => {
      const query = new URLSearchParams(filterQuery);
      if (pageParam) query.set("cursor", pageParam);
      const qs = query.toString();
      return fetchJson<GenerationPage>(
        qs ? `${generationsUrl(args.slug)}?${qs}` : generationsUrl(args.slug),
        signal,
      );
    },
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
    initialData:
      (!filterQuery || args.initialIsFiltered) && args.initialPage
        ? { pages: [args.initialPage], pageParams: [null] }
        : undefined,
    refetchInterval: (query) =>
      query.state.data?.pages.some((p) => p.items.some(isSettling))
        ? args.live
          ? POLL_MS.connected
          : POLL_MS.disconnected
        : false,
  });
}

function mapList(
  data: ListData | undefined,
  fn: (items: GenerationDto[], pageIndex: number) => GenerationDto[],
): ListData | undefined {
  if (!data) return data;
  return { ...data, pages: data.pages.map((p, i) => ({ ...p, items: fn(p.items, i) })) };
}

/** A generation as the page has it (its detail, else the first gallery list that holds it). */
export function findGeneration(
  qc: QueryClient,
  slug: string,
  id: string,
): GenerationDto | undefined {
  const detail = qc.getQueryData<GenerationDto>(generationKeys.detail(slug, id));
  if (detail) return detail;
  for (const [, data] of qc.getQueriesData<ListData>({ queryKey: generationKeys.list(slug) })) {
    for (const page of data?.pages ?? []) {
      const found = page.items.find((g) => g.id === id);
      if (found) return found;
    }
  }
  return undefined;
}

/** The takes of a shot the page holds (in any gallery list or detail), by id. */
export function findShotTakes(qc: QueryClient, slug: string, shotId: string): GenerationDto[] {
  const found = new Map<string, GenerationDto>();
  for (const [, data] of qc.getQueriesData<ListData>({ queryKey: generationKeys.list(slug) })) {
    for (const page of data?.pages ?? []) {
      for (const g of page.items) if (g.shot.id === shotId && !found.has(g.id)) found.set(g.id, g);
    }
  }
  return [...found.values()];
}

/**
 * Swaps in a fresh copy of a generation wherever the cache has it. Answers whether the gallery
 * itself (the unfiltered list) holds it: a filtered list, such as the queue's, may hold a new
 * take the gallery has not got yet.
 */
export function replaceGeneration(qc: QueryClient, slug: string, dto: GenerationDto): boolean {
  qc.setQueriesData<ListData>({ queryKey: generationKeys.list(slug) }, (data) =>
    mapList(data, (items) => items.map((g) => (g.id === dto.id ? dto : g))),
  );
  qc.setQueryData(generationKeys.detail(slug, dto.id), dto);
  const gallery = qc.getQueryData<ListData>(generationKeys.list(slug));
  return gallery?.pages.some((p) => p.items.some((g) => g.id === dto.id)) ?? false;
}

/**
 * Asks the server again for the filtered galleries only (a filter's list may newly match, or no
 * longer match, what changed); the unfiltered gallery is kept current in place.
 */
export function invalidateFilteredLists(qc: QueryClient, slug: string): Promise<void> {
  const prefix = generationKeys.list(slug);
  return qc.invalidateQueries({
    queryKey: prefix,
    predicate: (q) => q.queryKey.length > prefix.length,
  });
}

/** A generation just created (or resubmitted): updated in place, else shown first (it's the newest). */
export function addGeneration(qc: QueryClient, slug: string, dto: GenerationDto): void {
  if (replaceGeneration(qc, slug, dto)) return;
  qc.setQueryData<ListData>(generationKeys.list(slug), (data) =>
    mapList(data, (items, page) => (page === 0 ? [dto, ...items] : items)),
  );
}

/** Applies the state an event announced, before the full record arrives, so the badge moves at once. */
export function patchGenerationState(
  qc: QueryClient,
  slug: string,
  id: string,
  state: GenerationDto["state"],
): void {
  const patch = (g: GenerationDto) => (g.id === id ? { ...g, state } : g);
  qc.setQueriesData<ListData>({ queryKey: generationKeys.list(slug) }, (data) =>
    mapList(data, (items) => items.map(patch)),
  );
  qc.setQueryData<GenerationDto>(generationKeys.detail(slug, id), (g) => g && patch(g));
}
