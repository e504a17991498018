import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { addToCollection } from "@/lib/collections/add-to-collection";
import { createCollection } from "@/lib/collections/create-collection";
import { db } from "@/lib/db";
import { toggleFavorite } from "@/lib/favorites/toggle-favorite";
import { galleryQuery, toGenerationFilters } from "@/lib/generations/gallery-query";
import { type GenerationFilters, listGenerations } from "@/lib/generations/list-generations";
import { DEFAULT_MODEL } from "@/lib/kie/models";
import { generate, newWorkspace, waitFor, waitForState } from "@/tests/support/studio";

type Ctx = Awaited<ReturnType<typeof newWorkspace>>;
let a: Ctx;
let mate: Ctx;
const ids = { cat: "", kite: "", fail: "", slow: "", unsaved: "", saving: "" };

async function list(filters: GenerationFilters, limit?: number, cursor?: string | null) {
  return listGenerations({
    workspaceId: a.workspace.id,
    workspaceSlug: a.workspace.slug,
    filters,
    limit,
    cursor,
  });
}

async function mediaState(id: string, state: "stored" | "failed"): Promise<void> {
  await waitFor(
    async () =>
      (await db.generation.findUniqueOrThrow({ where: { id } })).mediaState === state || null,
    { timeoutMs: 60_000, what: `the video of ${id} to be ${state}` },
  );
}

async function idsOf(filters: GenerationFilters): Promise<string[]> {
  return (await list(filters)).items.map((g) => g.id).sort();
}

beforeAll(async () => {
  a = await newWorkspace();
  mate = await newWorkspace();
  await db.membership.create({
    data: { userId: mate.userId, workspaceId: a.workspace.id, role: "member" },
  });
  const asMate = { userId: mate.userId, workspace: a.workspace };
  ids.cat = (await generate(a, "一只橘猫在雨夜的霓虹街头漫步，电影感")).id;
  ids.kite = (await generate(a, "A Red KITE over green hills")).id;
  ids.fail = (await generate(asMate, "a kite that fails [sim:fail]")).id;
  // One that stays on its way however long the run takes: written as kie.ai is generating it,
  // with nothing scheduled to move it on.
  ids.slow = (
    await db.generation.create({
      data: {
        workspaceId: a.workspace.id,
        authorId: mate.userId,
        prompt: "100% 纯_净 water",
        promptOptimizer: true,
        model: DEFAULT_MODEL,
        state: "generating",
        idempotencyKey: randomUUID(),
        callbackTokenHash: randomUUID(),
      },
    })
  ).id;
  ids.unsaved = (await generate(asMate, "a web page, not a video [sim:badtype]")).id;
  ids.saving = (await generate(asMate, "a video still being copied")).id;
  await Promise.all([
    mediaState(ids.cat, "stored"),
    mediaState(ids.kite, "stored"),
    waitForState(ids.fail, ["fail"]),
    mediaState(ids.unsaved, "failed"),
    mediaState(ids.saving, "stored"),
  ]);
  // As if its copy were still on its way.
  await db.generation.update({ where: { id: ids.saving }, data: { mediaState: "pending" } });
  // Dates the tests can reason about.
  await db.generation.update({
    where: { id: ids.cat },
    data: { createdAt: new Date("2026-01-10T12:00:00Z") },
  });
  await db.generation.update({
    where: { id: ids.kite },
    data: { createdAt: new Date("2026-02-10T12:00:00Z") },
  });
});

describe("gallery filters and search", () => {
  it("searches prompt text: Latin without regard to case, Chinese as written", async () => {
    expect(await idsOf({ q: "red kite" })).toEqual([ids.kite]);
    expect(await idsOf({ q: "kite" })).toEqual([ids.fail, ids.kite].sort());
    expect(await idsOf({ q: "橘猫" })).toEqual([ids.cat]);
    expect(await idsOf({ q: "霓虹街头" })).toEqual([ids.cat]);
    expect(await idsOf({ q: "狗" })).toEqual([]);
    // LIKE's wildcards are searched for literally.
    expect(await idsOf({ q: "100%" })).toEqual([ids.slow]);
    expect(await idsOf({ q: "纯_净" })).toEqual([ids.slow]);
    expect(await idsOf({ q: "_" })).toEqual([ids.slow]);
  });

  it("filters by state, author, date, collection and favorites, combined with AND", async () => {
    // As each card's status says: a video is ready once saved, on its way while being saved,
    // and failed when it could not be saved.
    expect(await idsOf({ state: "ready" })).toEqual([ids.cat, ids.kite].sort());
    expect(await idsOf({ state: "failed" })).toEqual([ids.fail, ids.unsaved].sort());
    expect(await idsOf({ state: "in_progress" })).toEqual([ids.saving, ids.slow].sort());
    expect(await idsOf({ authorId: mate.userId })).toEqual(
      [ids.fail, ids.slow, ids.unsaved, ids.saving].sort(),
    );
    expect(
      await idsOf({ from: new Date("2026-01-01T00:00:00Z"), to: new Date("2026-02-01T00:00:00Z") }),
    ).toEqual([ids.cat]);

    const c = await createCollection({
      workspaceId: a.workspace.id,
      userId: a.userId,
      name: "Kites",
    });
    await addToCollection({
      workspaceId: a.workspace.id,
      collectionId: c.id,
      generationId: ids.kite,
    });
    await addToCollection({
      workspaceId: a.workspace.id,
      collectionId: c.id,
      generationId: ids.fail,
    });
    expect(await idsOf({ collectionId: c.id })).toEqual([ids.fail, ids.kite].sort());
    expect(await idsOf({ collectionId: c.id, state: "ready" })).toEqual([ids.kite]);

    await toggleFavorite({
      workspaceId: a.workspace.id,
      userId: a.userId,
      generationId: ids.cat,
      favorite: true,
    });
    expect(await idsOf({ favoritesOf: a.userId })).toEqual([ids.cat]);
    expect(await idsOf({ favoritesOf: mate.userId })).toEqual([]);
    expect(await idsOf({ favoritesOf: a.userId, q: "kite" })).toEqual([]);
  });

  it("keeps keyset pagination with filters", async () => {
    const first = await list({ q: "kite" }, 1);
    expect(first.items).toHaveLength(1);
    expect(first.nextCursor).toBeTruthy();
    const second = await list({ q: "kite" }, 1, first.nextCursor);
    expect(second.items).toHaveLength(1);
    expect(second.nextCursor).toBeNull();
    expect(new Set([...first.items, ...second.items].map((g) => g.id))).toEqual(
      new Set([ids.kite, ids.fail]),
    );
    // Unfiltered and called as before, it still returns the whole workspace.
    const all = await listGenerations({
      workspaceId: a.workspace.id,
      workspaceSlug: a.workspace.slug,
    });
    expect(all.items).toHaveLength(6);
  });

  it("parses the API's query string and refuses bad values (422, not 500)", () => {
    const ok = galleryQuery.parse({
      q: "橘猫",
      state: "ready",
      favorites: "1",
      from: "2026-01-01",
      to: "2026-01-31",
    });
    const filters = toGenerationFilters(ok, "user-1");
    expect(filters).toMatchObject({ q: "橘猫", state: "ready", favoritesOf: "user-1" });
    // A bare "to" date includes that whole day.
    expect(filters.to?.toISOString()).toBe("2026-02-01T00:00:00.000Z");
    expect(galleryQuery.parse({ state: "", q: "" })).toEqual({});
    for (const bad of [
      { state: "done" },
      { from: "yesterday" },
      { to: "2026-13-45" },
      { from: "2026-02-01", to: "2026-01-01" },
      { limit: "1000" },
      { q: "x".repeat(201) },
      { favorites: "maybe" },
    ]) {
      expect(galleryQuery.safeParse(bad).success, JSON.stringify(bad)).toBe(false);
    }
  });
});
