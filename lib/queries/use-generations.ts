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
}) {
  return useInfiniteQuery({
    queryKey: generationKeys.list(args.slug),
    queryFn: ({ pageParam, signal }) =>
      fetchJson<GenerationPage>(
        pageParam
          ? `${generationsUrl(args.slug)}?cursor=${encodeURIComponent(pageParam)}`
          : generationsUrl(args.slug),
        signal,
      ),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
    initialData: args.initialPage && { pages: [args.initialPage], pageParams: [null] },
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

/**
 * Puts a fresh copy of a generation into the cache: replaced where the gallery has it, else
 * added at the top (a new one is the newest). Returns whether the gallery already had it.
 */
export function upsertGeneration(qc: QueryClient, slug: string, dto: GenerationDto): boolean {
  let found = false;
  qc.setQueryData<ListData>(generationKeys.list(slug), (data) => {
    const replaced = mapList(data, (items) =>
      items.map((g) => {
        if (g.id !== dto.id) return g;
        found = true;
        return dto;
      }),
    );
    return found ? replaced : mapList(data, (items, i) => (i === 0 ? [dto, ...items] : items));
  });
  qc.setQueryData(generationKeys.detail(slug, dto.id), dto);
  return found;
}

/** Applies the state an event announced, before the full record arrives, so the badge moves at once. */
export function patchGenerationState(
  qc: QueryClient,
  slug: string,
  id: string,
  state: GenerationDto["state"],
): boolean {
  let found = false;
  const patch = (g: GenerationDto) => {
    if (g.id !== id) return g;
    found = true;
    return { ...g, state };
  };
  qc.setQueryData<ListData>(generationKeys.list(slug), (data) =>
    mapList(data, (items) => items.map(patch)),
  );
  qc.setQueryData<GenerationDto>(generationKeys.detail(slug, id), (g) => g && patch(g));
  return found;
}
