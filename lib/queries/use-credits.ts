"use client";
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useEffect } from "react";
import type { CreditsDto } from "@/lib/kie-account/credits-dto";
import { fetchJson } from "@/lib/queries/use-generations";

export const creditKeys = {
  workspace: (slug: string) => ["credits", slug] as const,
};

/**
 * The workspace's kie.ai balance and budget use: refreshed every minute, and after anything the
 * person does in the studio succeeds (a new generation counts against the budget at once).
 */
export function useCredits(slug: string) {
  const qc = useQueryClient();
  useEffect(
    () =>
      qc.getMutationCache().subscribe((event) => {
        if (event.type === "updated" && event.action.type === "success") {
          void qc.invalidateQueries({ queryKey: creditKeys.workspace(slug) });
        }
      }),
    [qc, slug],
  );
  return useQuery({
    queryKey: creditKeys.workspace(slug),
    queryFn: ({ signal }) =>
      fetchJson<CreditsDto>(`/api/w/${encodeURIComponent(slug)}/credits`, signal),
    refetchInterval: 60_000,
    staleTime: 15_000,
  });
}
