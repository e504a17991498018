import { describe, expect, it } from "vitest";
import { addToCollection } from "@/lib/collections/add-to-collection";
import { createCollection } from "@/lib/collections/create-collection";
import { deleteCollection } from "@/lib/collections/delete-collection";
import { listCollections } from "@/lib/collections/list-collections";
import { removeFromCollection } from "@/lib/collections/remove-from-collection";
import { renameCollection } from "@/lib/collections/rename-collection";
import { db } from "@/lib/db";
import type { AppError } from "@/lib/errors";
import { listFavoriteIds } from "@/lib/favorites/list-favorite-ids";
import { toggleFavorite } from "@/lib/favorites/toggle-favorite";
import { can } from "@/lib/workspaces/permissions";
import { generate, newWorkspace } from "@/tests/support/studio";

async function rejection(p: Promise<unknown>): Promise<AppError> {
  return (await p.then(
    () => {
      throw new Error("expected a rejection");
    },
    (e: unknown) => e,
  )) as AppError;
}

describe("collections", () => {
  it("are created, filled, emptied, renamed and deleted within one workspace", async () => {
    const a = await newWorkspace();
    const g = await generate(a, "雪山下的湖泊，航拍");
    const c = await createCollection({
      workspaceId: a.workspace.id,
      userId: a.userId,
      name: "Trip",
    });
    expect(c.itemCount).toBe(0);

    await addToCollection({ workspaceId: a.workspace.id, collectionId: c.id, generationId: g.id });
    await addToCollection({ workspaceId: a.workspace.id, collectionId: c.id, generationId: g.id });
    let [listed] = await listCollections({ workspaceId: a.workspace.id, generationId: g.id });
    expect(listed).toMatchObject({ name: "Trip", itemCount: 1, contains: true });

    await removeFromCollection({
      workspaceId: a.workspace.id,
      collectionId: c.id,
      generationId: g.id,
    });
    [listed] = await listCollections({ workspaceId: a.workspace.id, generationId: g.id });
    expect(listed).toMatchObject({ itemCount: 0, contains: false });

    expect(
      (await renameCollection({ workspaceId: a.workspace.id, collectionId: c.id, name: "旅行" }))
        .name,
    ).toBe("旅行");
    const taken = await createCollection({
      workspaceId: a.workspace.id,
      userId: a.userId,
      name: "Other",
    });
    const dup = await rejection(
      renameCollection({ workspaceId: a.workspace.id, collectionId: taken.id, name: "旅行" }),
    );
    expect(dup.code).toBe("conflict");
    expect(
      (
        await rejection(
          createCollection({ workspaceId: a.workspace.id, userId: a.userId, name: "旅行" }),
        )
      ).code,
    ).toBe("conflict");

    await deleteCollection({ workspaceId: a.workspace.id, collectionId: c.id });
    expect(await db.generation.count({ where: { id: g.id } })).toBe(1);
    expect((await listCollections({ workspaceId: a.workspace.id })).map((x) => x.name)).toEqual([
      "Other",
    ]);
  });

  it("cannot reach across workspaces (IDOR): another workspace's ids are not found", async () => {
    const [a, b] = await Promise.all([newWorkspace(), newWorkspace()]);
    const mine = await generate(a, "mine");
    const theirs = await generate(b, "theirs");
    const ca = await createCollection({ workspaceId: a.workspace.id, userId: a.userId, name: "A" });
    const cb = await createCollection({ workspaceId: b.workspace.id, userId: b.userId, name: "B" });

    // Thunks, run one at a time: each must be refused on its own.
    const attempts = [
      () =>
        addToCollection({
          workspaceId: a.workspace.id,
          collectionId: ca.id,
          generationId: theirs.id,
        }),
      () =>
        addToCollection({
          workspaceId: a.workspace.id,
          collectionId: cb.id,
          generationId: mine.id,
        }),
      () =>
        removeFromCollection({
          workspaceId: a.workspace.id,
          collectionId: cb.id,
          generationId: theirs.id,
        }),
      () => renameCollection({ workspaceId: a.workspace.id, collectionId: cb.id, name: "pwned" }),
      () => deleteCollection({ workspaceId: a.workspace.id, collectionId: cb.id }),
      () =>
        createCollection({
          workspaceId: a.workspace.id,
          userId: a.userId,
          name: "x",
          generationId: theirs.id,
        }),
      () =>
        toggleFavorite({
          workspaceId: a.workspace.id,
          userId: a.userId,
          generationId: theirs.id,
          favorite: true,
        }),
    ];
    for (const attempt of attempts) expect((await rejection(attempt())).code).toBe("not_found");
    expect(await db.collection.findUnique({ where: { id: cb.id } })).toMatchObject({ name: "B" });
  });

  it("favorites are per person and idempotent", async () => {
    const a = await newWorkspace();
    const g = await generate(a, "favorite me");
    await toggleFavorite({
      workspaceId: a.workspace.id,
      userId: a.userId,
      generationId: g.id,
      favorite: true,
    });
    await toggleFavorite({
      workspaceId: a.workspace.id,
      userId: a.userId,
      generationId: g.id,
      favorite: true,
    });
    expect(await listFavoriteIds({ workspaceId: a.workspace.id, userId: a.userId })).toEqual([
      g.id,
    ]);

    // A teammate's stars are their own.
    const mate = await newWorkspace();
    await db.membership.create({
      data: { userId: mate.userId, workspaceId: a.workspace.id, role: "member" },
    });
    expect(await listFavoriteIds({ workspaceId: a.workspace.id, userId: mate.userId })).toEqual([]);

    await toggleFavorite({
      workspaceId: a.workspace.id,
      userId: a.userId,
      generationId: g.id,
      favorite: false,
    });
    expect(await listFavoriteIds({ workspaceId: a.workspace.id, userId: a.userId })).toEqual([]);
  });

  it("viewers may look but not collect, star or share", () => {
    expect(can("viewer", "gallery.view")).toBe(true);
    for (const p of ["collection.manage", "favorite.toggle", "share.create"] as const) {
      expect(can("viewer", p)).toBe(false);
      expect(can("member", p)).toBe(true);
    }
    expect(can("member", "share.revoke-any")).toBe(false);
    expect(can("admin", "share.revoke-any")).toBe(true);
  });
});
