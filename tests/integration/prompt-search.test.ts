import { describe, expect, it } from "vitest";
import { db, dbProvider } from "@/lib/db";
import { listGenerations } from "@/lib/generations/list-generations";
import { generate, newWorkspace } from "@/tests/support/studio";

describe("prompt search", () => {
  it("finds Chinese and English text, case-insensitively, short and long queries alike", async () => {
    const ctx = await newWorkspace();
    const cat = await generate(ctx, "一只橘猫在雨夜的霓虹街头漫步 [sim:nocallback]");
    const kite = await generate(ctx, "A Red Kite over green hills [sim:nocallback]");
    // "%" and "_" are searched for as themselves, not as LIKE wildcards.
    const cotton = await generate(ctx, "100% cotton sails at dawn [sim:nocallback]");
    const boats = await generate(ctx, "1000 boats_at noon [sim:nocallback]");
    const search = async (q: string) =>
      (
        await listGenerations({
          workspaceId: ctx.workspace.id,
          workspaceSlug: ctx.workspace.slug,
          filters: { q },
        })
      ).items.map((g) => g.id);
    expect(await search("雨夜的霓虹")).toEqual([cat.id]);
    expect(await search("橘猫")).toEqual([cat.id]);
    expect(await search("red kite")).toEqual([kite.id]);
    expect(await search("KITE")).toEqual([kite.id]);
    expect(await search("雪山")).toEqual([]);
    expect(await search("100%")).toEqual([cotton.id]);
    expect(await search("0%")).toEqual([cotton.id]);
    // As a wildcard, "_" would also match the "s a" of "sails at".
    expect(await search("s_a")).toEqual([boats.id]);
  });

  it("is answered from an index, not a scan of every prompt", async () => {
    if (dbProvider() === "sqlite") {
      const plan = await db.$queryRawUnsafe<{ detail: string }[]>(
        `EXPLAIN QUERY PLAN SELECT rowid FROM "GenerationSearch" WHERE prompt LIKE '%雨夜的%'`,
      );
      expect(plan.map((p) => p.detail).join(" ")).toMatch(/VIRTUAL TABLE INDEX/);
    } else {
      const plan = await db.$transaction(async (tx) => {
        // On a nearly empty table the planner prefers a scan; forbid it to see the index.
        await tx.$executeRawUnsafe("SET LOCAL enable_seqscan = off");
        return tx.$queryRawUnsafe<{ "QUERY PLAN": string }[]>(
          `EXPLAIN SELECT id FROM "Generation" WHERE prompt ILIKE '%雨夜的%'`,
        );
      });
      expect(plan.map((p) => p["QUERY PLAN"]).join(" ")).toContain("Generation_prompt_trgm_idx");
    }
  });
});
