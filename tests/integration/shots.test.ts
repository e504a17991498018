import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { collectShot } from "@/lib/collections/collect-shot";
import { createCollection } from "@/lib/collections/create-collection";
import { listCollections } from "@/lib/collections/list-collections";
import { db } from "@/lib/db";
import { isAppError } from "@/lib/errors";
import { favoriteShot } from "@/lib/favorites/favorite-shot";
import { createTakes } from "@/lib/generations/create-generation";
import { deleteOtherTakes, deleteShot } from "@/lib/generations/delete-takes";
import { keepTake } from "@/lib/generations/keep-take";
import { listGenerations } from "@/lib/generations/list-generations";
import { listRecentPrompts } from "@/lib/generations/recent-prompts";
import { createShareLink } from "@/lib/sharing/create-share-link";
import { getSharedMediaKey } from "@/lib/sharing/get-shared-media-key";
import { getSharedPage } from "@/lib/sharing/get-shared-page";
import { resolveShareLink } from "@/lib/sharing/resolve-share-link";
import { newWorkspace, waitFor } from "@/tests/support/studio";

// A shot's takes, chosen among: Keep marks one (at most one per shot), "Delete the others"
// clears the rest under the usual rules, and the gallery can list one shot's takes.

type Ctx = Awaited<ReturnType<typeof newWorkspace>>;

async function press(ctx: Ctx, prompt: string, takes: number) {
  return createTakes({
    workspace: ctx.workspace,
    authorId: ctx.userId,
    prompt,
    promptOptimizer: false,
    idempotencyKey: randomUUID(),
    takes,
  });
}

async function stored(ids: string[]) {
  await waitFor(
    async () =>
      (await db.generation.count({ where: { id: { in: ids }, mediaState: "stored" } })) ===
      ids.length,
    { timeoutMs: 90_000, what: "every take to be stored" },
  );
}

async function refusal(promise: Promise<unknown>) {
  const e = await promise.then(
    () => null,
    (err: unknown) => err,
  );
  if (!isAppError(e)) throw new Error(`expected a refusal, got ${String(e)}`);
  return e;
}

async function keptIds(workspaceId: string) {
  const rows = await db.generation.findMany({
    where: { workspaceId, keptAt: { not: null } },
    select: { id: true },
  });
  return rows.map((r) => r.id).sort();
}

describe("shots", () => {
  it("lists one shot's takes, in take order, and nothing of another shot", async () => {
    const ctx = await newWorkspace();
    const shot = await press(ctx, `灯塔 ${randomUUID()}`, 3);
    await press(ctx, `另一个镜头 ${randomUUID()}`, 2);
    const page = await listGenerations({
      workspaceId: ctx.workspace.id,
      workspaceSlug: ctx.workspace.slug,
      filters: { shotId: shot[0]?.shot.id },
    });
    expect(page.items.map((g) => g.id)).toEqual(shot.map((g) => g.id));
    const unknown = await listGenerations({
      workspaceId: ctx.workspace.id,
      workspaceSlug: ctx.workspace.slug,
      filters: { shotId: "no-such-shot" },
    });
    expect(unknown.items).toEqual([]);
  });

  it("Keep marks one take of a shot, lets go of the one kept before, and leaves other shots alone", async () => {
    const ctx = await newWorkspace();
    const takes = await press(ctx, `三个版本的日出 ${randomUUID()}`, 3);
    const other = await press(ctx, `另一个镜头的日落 ${randomUUID()}`, 2);
    await stored([...takes, ...other].map((g) => g.id));
    const [one, two, three] = takes;
    const [otherOne] = other;
    if (!one || !two || !three || !otherOne) throw new Error("missing takes");
    const as = { workspace: ctx.workspace, actor: { id: ctx.userId }, role: "owner" as const };

    await keepTake({ ...as, generationId: otherOne.id, keep: true });
    const kept = await keepTake({ ...as, generationId: two.id, keep: true });
    expect(kept.shot).toMatchObject({ take: 2, kept: true });
    expect(await keptIds(ctx.workspace.id)).toEqual([otherOne.id, two.id].sort());

    await keepTake({ ...as, generationId: three.id, keep: true });
    expect(await keptIds(ctx.workspace.id)).toEqual([otherOne.id, three.id].sort());

    const letGo = await keepTake({ ...as, generationId: three.id, keep: false });
    expect(letGo.shot.kept).toBe(false);
    expect(await keptIds(ctx.workspace.id)).toEqual([otherOne.id]);
  });

  it("Keep is the author's or an admin's, and only for a finished video", async () => {
    const ctx = await newWorkspace();
    const mate = await newWorkspace();
    await db.membership.create({
      data: { userId: mate.userId, workspaceId: ctx.workspace.id, role: "member" },
    });
    const [busy] = await press(ctx, `还在生成 ${randomUUID()} [sim:slow]`, 1);
    const [done] = await press(ctx, `已完成 ${randomUUID()}`, 1);
    if (!busy || !done) throw new Error("missing takes");
    await stored([done.id]);

    const early = await refusal(
      keepTake({
        workspace: ctx.workspace,
        actor: { id: ctx.userId },
        role: "owner",
        generationId: busy.id,
        keep: true,
      }),
    );
    expect(early.code).toBe("conflict");
    const stranger = await refusal(
      keepTake({
        workspace: ctx.workspace,
        actor: { id: mate.userId },
        role: "member",
        generationId: done.id,
        keep: true,
      }),
    );
    expect(stranger.code).toBe("forbidden");
    // Another workspace's take is simply not found.
    const elsewhere = await refusal(
      keepTake({
        workspace: mate.workspace,
        actor: { id: mate.userId },
        role: "owner",
        generationId: done.id,
        keep: true,
      }),
    );
    expect(elsewhere.code).toBe("not_found");
    expect(await keptIds(ctx.workspace.id)).toEqual([]);
  });

  it("Delete the others clears the rest of the shot, keeps the chosen take, and leaves one still being made", async () => {
    const ctx = await newWorkspace();
    const actor = await db.user.findUniqueOrThrow({
      where: { id: ctx.userId },
      select: { id: true, email: true },
    });
    const takes = await press(ctx, `选一个版本 ${randomUUID()}`, 3);
    await stored(takes.map((g) => g.id));
    const [one, two, three] = takes;
    if (!one || !two || !three) throw new Error("missing takes");
    await keepTake({
      workspace: ctx.workspace,
      actor,
      role: "owner",
      generationId: two.id,
      keep: true,
    });
    // Still being made: the usual rules keep it.
    await db.generation.update({
      where: { id: three.id },
      data: { state: "generating", mediaState: null },
    });

    const result = await deleteOtherTakes({
      workspaceId: ctx.workspace.id,
      actor,
      role: "owner",
      generationId: two.id,
    });
    expect(result).toEqual({ deleted: 1, kept: 1 });
    const left = await listGenerations({
      workspaceId: ctx.workspace.id,
      workspaceSlug: ctx.workspace.slug,
      filters: { shotId: one.shot.id },
    });
    expect(left.items.map((g) => g.id).sort()).toEqual([two.id, three.id].sort());
    expect(
      await db.auditLog.count({
        where: { workspaceId: ctx.workspace.id, action: "generation.deleted", targetId: one.id },
      }),
    ).toBe(1);

    // Nothing left that may go: the reason is the answer.
    const again = await refusal(
      deleteOtherTakes({
        workspaceId: ctx.workspace.id,
        actor,
        role: "owner",
        generationId: two.id,
      }),
    );
    expect(again.code).toBe("conflict");
  });
});

describe("recent prompts", () => {
  it("are the person's own latest presses, one per prompt and optimizer setting, with their takes", async () => {
    const ctx = await newWorkspace();
    const mate = await newWorkspace();
    await db.membership.create({
      data: { userId: mate.userId, workspaceId: ctx.workspace.id, role: "member" },
    });
    const tag = randomUUID().slice(0, 8);
    const first = `清晨的港口 ${tag}`;
    const second = `a kite over dunes [Pan left] ${tag}`;
    await press(ctx, first, 1);
    await press(ctx, second, 3);
    // The same prompt again, with the optimizer off: a separate entry, and the newest.
    await createTakes({
      workspace: ctx.workspace,
      authorId: ctx.userId,
      prompt: first,
      promptOptimizer: true,
      idempotencyKey: randomUUID(),
      takes: 2,
    });
    await press(ctx, first, 4);
    // A teammate's prompt is theirs, not this person's.
    await press({ ...mate, workspace: ctx.workspace }, `别人的提示词 ${tag}`, 1);

    const recent = await listRecentPrompts({
      workspaceId: ctx.workspace.id,
      authorId: ctx.userId,
    });
    expect(recent.map((r) => [r.prompt, r.promptOptimizer, r.takes])).toEqual([
      [first, false, 4],
      [first, true, 2],
      [second, false, 3],
    ]);
  });
});

describe("a shot as a whole", () => {
  it("is favourited, collected, shared and deleted in one step each, leaving other shots alone", async () => {
    const ctx = await newWorkspace();
    const takes = await press(ctx, `整个镜头：雪山上的日出 ${randomUUID()}`, 3);
    const [other] = await press(ctx, `另一个镜头 ${randomUUID()}`, 1);
    if (!other) throw new Error("missing take");
    await stored([...takes, other].map((g) => g.id));
    const shotId = takes[0]?.shot.id ?? "";
    const ids = takes.map((g) => g.id);
    const owner = await db.user.findUniqueOrThrow({
      where: { id: ctx.userId },
      select: { id: true, email: true },
    });
    const favourites = () =>
      db.favorite
        .findMany({ where: { userId: ctx.userId }, select: { generationId: true } })
        .then((rows) => rows.map((r) => r.generationId).sort());

    // Favourite: every take, then none; a second "on" changes nothing.
    const on = { workspaceId: ctx.workspace.id, userId: ctx.userId, shotId };
    await favoriteShot({ ...on, favorite: true });
    await favoriteShot({ ...on, favorite: true });
    expect(await favourites()).toEqual([...ids].sort());
    await favoriteShot({ ...on, favorite: false });
    expect(await favourites()).toEqual([]);

    // Collect: the collection holds the whole shot only while it holds every take.
    const collection = await createCollection({
      workspaceId: ctx.workspace.id,
      userId: ctx.userId,
      name: `镜头 ${randomUUID().slice(0, 8)}`,
    });
    const holds = async () =>
      (await listCollections({ workspaceId: ctx.workspace.id, shotId })).find(
        (c) => c.id === collection.id,
      )?.contains;
    expect(await holds()).toBe(false);
    const into = { workspaceId: ctx.workspace.id, collectionId: collection.id, shotId };
    await collectShot({ ...into, add: true });
    expect(await holds()).toBe(true);
    expect(await db.collectionItem.count({ where: { collectionId: collection.id } })).toBe(3);
    await db.collectionItem.deleteMany({
      where: { collectionId: collection.id, generationId: ids[1] },
    });
    expect(await holds()).toBe(false);
    await collectShot({ ...into, add: false });
    expect(await db.collectionItem.count({ where: { collectionId: collection.id } })).toBe(0);

    // Share: the link shows the shot's takes in take order, and nothing else of the workspace.
    const { url } = await createShareLink({
      workspaceId: ctx.workspace.id,
      actor: owner,
      input: {
        targetType: "shot",
        shotId,
        expiry: "never",
        allowDownload: false,
        showPrompt: true,
      },
    });
    const token = url.split("/s/")[1] ?? "";
    const link = await resolveShareLink(token);
    if (!link) throw new Error("the link should open");
    const page = await getSharedPage(token, link);
    expect(page.kind).toBe("shot");
    expect(page.videos.map((v) => v.id)).toEqual(ids);
    await expect(
      getSharedMediaKey({ link, generationId: other.id, kind: "video" }),
    ).rejects.toMatchObject({ code: "not_found" });
    // A shot of another workspace, or none at all, is not found.
    const stranger = await newWorkspace();
    const refused = await refusal(
      createShareLink({
        workspaceId: stranger.workspace.id,
        actor: owner,
        input: {
          targetType: "shot",
          shotId,
          expiry: "never",
          allowDownload: false,
          showPrompt: false,
        },
      }),
    );
    expect(refused.code).toBe("not_found");
    // Nor can another workspace star, collect or delete it by its id.
    const theirs = await createCollection({
      workspaceId: stranger.workspace.id,
      userId: stranger.userId,
      name: "theirs",
    });
    const elsewhere = { workspaceId: stranger.workspace.id, shotId };
    // Each attempt starts only when awaited, so none rejects unobserved while another runs.
    for (const attempt of [
      () => favoriteShot({ ...elsewhere, userId: stranger.userId, favorite: true }),
      () => collectShot({ ...elsewhere, collectionId: theirs.id, add: true }),
      () => deleteShot({ ...elsewhere, actor: owner, role: "owner" }),
    ]) {
      expect((await refusal(attempt())).code).toBe("not_found");
    }

    // Delete: every take goes under the usual rules; the other shot stays; the link shows nothing.
    const result = await deleteShot({
      workspaceId: ctx.workspace.id,
      actor: owner,
      role: "owner",
      shotId,
    });
    expect(result).toEqual({ deleted: 3, kept: 0 });
    expect(await db.generation.count({ where: { id: { in: ids }, deletedAt: null } })).toBe(0);
    expect(await db.generation.count({ where: { id: other.id, deletedAt: null } })).toBe(1);
    expect((await getSharedPage(token, link)).videos).toEqual([]);
    expect((await refusal(favoriteShot({ ...on, favorite: true }))).code).toBe("not_found");
  });

  it("is deleted only by its author or an admin", async () => {
    const ctx = await newWorkspace();
    const mate = await newWorkspace();
    await db.membership.create({
      data: { userId: mate.userId, workspaceId: ctx.workspace.id, role: "member" },
    });
    const takes = await press(ctx, `别人的镜头 ${randomUUID()}`, 2);
    await stored(takes.map((g) => g.id));
    const mateUser = await db.user.findUniqueOrThrow({
      where: { id: mate.userId },
      select: { id: true, email: true },
    });
    const refused = await refusal(
      deleteShot({
        workspaceId: ctx.workspace.id,
        actor: mateUser,
        role: "member",
        shotId: takes[0]?.shot.id ?? "",
      }),
    );
    expect(refused.code).toBe("forbidden");
    expect(
      await db.generation.count({ where: { id: { in: takes.map((g) => g.id) }, deletedAt: null } }),
    ).toBe(2);
  });
});
