import { QueryClient } from "@tanstack/react-query";
import { describe, expect, it } from "vitest";
import type { GenerationDto, GenerationPage } from "@/lib/generations/dto";
import { addGeneration, generationKeys, replaceGeneration } from "@/lib/queries/use-generations";

const slug = "studio";
const gallery = generationKeys.list(slug);
const queue = [...gallery, "author=me&state=in_progress"];

function take(id: string, state: GenerationDto["state"] = "submitting"): GenerationDto {
  return { id, state } as GenerationDto;
}

function list(...items: GenerationDto[]) {
  const page: GenerationPage = { items, nextCursor: null } as GenerationPage;
  return { pages: [page], pageParams: [null] };
}

function ids(qc: QueryClient, key: readonly unknown[]): string[] {
  const data = qc.getQueryData<ReturnType<typeof list>>(key);
  return data?.pages.flatMap((p) => p.items.map((g) => g.id)) ?? [];
}

describe("the gallery's cache", () => {
  it("puts a new take at the top of the gallery even when the queue's list already holds it", () => {
    const qc = new QueryClient();
    qc.setQueryData(gallery, list(take("old", "success")));
    // The live event for the new take reached the queue's own list before Generate's answer.
    qc.setQueryData(queue, list(take("new")));
    addGeneration(qc, slug, take("new", "waiting"));
    expect(ids(qc, gallery)).toEqual(["new", "old"]);
    expect(qc.getQueryData<ReturnType<typeof list>>(queue)?.pages[0]?.items[0]?.state).toBe(
      "waiting",
    );
  });

  it("adds a take only once, and replaces it wherever it is", () => {
    const qc = new QueryClient();
    qc.setQueryData(gallery, list(take("a")));
    addGeneration(qc, slug, take("a", "generating"));
    expect(ids(qc, gallery)).toEqual(["a"]);
    expect(qc.getQueryData<ReturnType<typeof list>>(gallery)?.pages[0]?.items[0]?.state).toBe(
      "generating",
    );
  });

  it("says whether the gallery itself holds a generation, not any list", () => {
    const qc = new QueryClient();
    qc.setQueryData(gallery, list(take("a")));
    qc.setQueryData(queue, list(take("b")));
    expect(replaceGeneration(qc, slug, take("a", "success"))).toBe(true);
    expect(replaceGeneration(qc, slug, take("b", "waiting"))).toBe(false);
    expect(ids(qc, queue)).toEqual(["b"]);
  });
});
