"use client";
import { useQuery } from "@tanstack/react-query";
import type { GenerationDto } from "@/lib/generations/dto";
import {
  fetchJson,
  generationKeys,
  generationsUrl,
  HttpError,
  isSettling,
  POLL_MS,
} from "@/lib/queries/use-generations";

/** One generation, for the detail view; polls while it is still settling. */
export function useGeneration(args: {
  slug: string;
  id: string;
  initial: GenerationDto;
  live: boolean;
}) {
  return useQuery({
    queryKey: generationKeys.detail(args.slug, args.id),
    queryFn: ({ signal }) =>
      fetchJson<GenerationDto>(
        `${generationsUrl(args.slug)}/${encodeURIComponent(args.id)}`,
        signal,
      ),
    initialData: args.initial,
    // Gone (deleted, perhaps by a teammate) is an answer, not a failure to try again.
    retry: (failures, error) =>
      !(error instanceof HttpError && error.status === 404) && failures < 3,
    refetchInterval: (query) =>
      query.state.data && isSettling(query.state.data)
        ? args.live
          ? POLL_MS.connected
          : POLL_MS.disconnected
        : false,
  });
}
