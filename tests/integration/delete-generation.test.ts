import { existsSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { listAuditLog } from "@/lib/audit/list-audit-log";
import { createCollection } from "@/lib/collections/create-collection";
import { listCollections } from "@/lib/collections/list-collections";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { toggleFavorite } from "@/lib/favorites/toggle-favorite";
import { deleteGeneration } from "@/lib/generations/delete-generation";
import { getGeneration } from "@/lib/generations/get-generation";
import { listGenerations } from "@/lib/generations/list-generations";
import { retryGeneration } from "@/lib/generations/retry-generation";
import { monthlyUsage } from "@/lib/kie-account/monthly-usage";
import { createShareLink } from "@/lib/sharing/create-share-link";
import { listShareLinks } from "@/lib/sharing/list-share-links";
import { resolveShareLink } from "@/lib/sharing/resolve-share-link";
import {
  generate,
  generationRow,
  newWorkspace,
  readyVideo,
  waitForState,
} from "@/tests/support/studio";

type Ctx = Awaited<ReturnType<typeof newWorkspace>>;

async function actorOf(ctx: Ctx) {
  return db.user.findUniqueOrThrow({
    where: { id: ctx.userId },
    select: { id: true, email: true },
  });
}

async function rejectionCode(p: Promise<unknown>): Promise<string> {
  return p.then(
    () => "resolved",
    (e: { code?: string }) => e.code ?? "thrown",
  );
}

const ids = async (ctx: Ctx) =>
  (
    await listGenerations({ workspaceId: ctx.workspace.id, workspaceSlug: ctx.workspace.slug })
  ).items.map((g) => g.id);

describe("deleting a generation", () => {
  it("takes a finished video out of everything, frees its files, and keeps its cost in the budget", async () => {
    const ctx = await newWorkspace();
    const actor = await actorOf(ctx);
    const id = await readyVideo(ctx, "雨夜的橘猫，霓虹倒影");
    const keep = await readyVideo(ctx, "a video that stays");
    const row = await generationRow(id);
    const files = [row.mediaKey, row.posterKey].map((k) => join(env().MEDIA_DIR, k ?? "missing"));
    expect(files.every(existsSync)).toBe(true);
    const collection = await createCollection({
      workspaceId: ctx.workspace.id,
      userId: ctx.userId,
      name: "精选",
      generationId: id,
    });
    await toggleFavorite({
      workspaceId: ctx.workspace.id,
      userId: ctx.userId,
      generationId: id,
      favorite: true,
    });
    const { url } = await createShareLink({
      workspaceId: ctx.workspace.id,
      actor,
      input: {
        targetType: "generation",
        generationId: id,
        expiry: "never",
        allowDownload: false,
        showPrompt: true,
      },
    });
    const used = await monthlyUsage({ workspaceId: ctx.workspace.id });

    await deleteGeneration({
      workspaceId: ctx.workspace.id,
      actor,
      role: "member",
      generationId: id,
    });

    expect(await ids(ctx)).toEqual([keep]);
    expect(
      await rejectionCode(
        getGeneration({ workspaceId: ctx.workspace.id, workspaceSlug: ctx.workspace.slug, id }),
      ),
    ).toBe("not_found");
    expect(
      (await listCollections({ workspaceId: ctx.workspace.id })).find((c) => c.id === collection.id)
        ?.itemCount,
    ).toBe(0);
    expect(await db.favorite.count({ where: { generationId: id } })).toBe(0);
    // The link is dead, and the Share links page no longer points at the video.
    expect(await resolveShareLink(url.split("/s/")[1] ?? "")).toBeNull();
    const [link] = await listShareLinks({ workspaceId: ctx.workspace.id });
    expect(link?.revokedAt).not.toBeNull();
    expect(link?.targetLabel).toBeNull();
    expect(files.some(existsSync)).toBe(false);
    // What it cost this month still counts.
    expect(await monthlyUsage({ workspaceId: ctx.workspace.id })).toBe(used);
    // It cannot be collected, favourited, shared or retried any more, nor deleted twice.
    expect(
      await rejectionCode(
        toggleFavorite({
          workspaceId: ctx.workspace.id,
          userId: ctx.userId,
          generationId: id,
          favorite: true,
        }),
      ),
    ).toBe("not_found");
    expect(
      await rejectionCode(
        createShareLink({
          workspaceId: ctx.workspace.id,
          actor,
          input: {
            targetType: "generation",
            generationId: id,
            expiry: "never",
            allowDownload: false,
            showPrompt: false,
          },
        }),
      ),
    ).toBe("not_found");
    expect(
      await rejectionCode(
        retryGeneration({
          workspace: ctx.workspace,
          userId: ctx.userId,
          role: "owner",
          generationId: id,
        }),
      ),
    ).toBe("not_found");
    expect(
      await rejectionCode(
        deleteGeneration({ workspaceId: ctx.workspace.id, actor, role: "owner", generationId: id }),
      ),
    ).toBe("not_found");
    const log = await listAuditLog({ workspaceId: ctx.workspace.id });
    expect(log.items.some((e) => e.action === "generation.deleted" && e.targetId === id)).toBe(
      true,
    );
  });

  it("refuses a video still being made, and lets a failed one go", async () => {
    const ctx = await newWorkspace();
    const actor = await actorOf(ctx);
    const slow = await generate(ctx, "a slow one [sim:slow]");
    await waitForState(slow.id, ["waiting", "queuing", "generating"]);
    expect(
      await rejectionCode(
        deleteGeneration({
          workspaceId: ctx.workspace.id,
          actor,
          role: "owner",
          generationId: slow.id,
        }),
      ),
    ).toBe("conflict");
    expect(await ids(ctx)).toContain(slow.id);

    const failed = await generate(ctx, "a failing one [sim:fail]");
    await waitForState(failed.id, ["fail"]);
    await deleteGeneration({
      workspaceId: ctx.workspace.id,
      actor,
      role: "owner",
      generationId: failed.id,
    });
    expect(await ids(ctx)).toEqual([slow.id]);
  });

  it("is the author's, or an admin's", async () => {
    const ctx = await newWorkspace();
    const mate = await newWorkspace();
    await db.membership.create({
      data: { userId: mate.userId, workspaceId: ctx.workspace.id, role: "member" },
    });
    const id = await readyVideo(ctx, "the owner's video");
    const mateActor = await actorOf(mate);
    expect(
      await rejectionCode(
        deleteGeneration({
          workspaceId: ctx.workspace.id,
          actor: mateActor,
          role: "member",
          generationId: id,
        }),
      ),
    ).toBe("forbidden");
    // Another workspace's id is not found, whatever the role.
    expect(
      await rejectionCode(
        deleteGeneration({
          workspaceId: mate.workspace.id,
          actor: mateActor,
          role: "owner",
          generationId: id,
        }),
      ),
    ).toBe("not_found");
    await deleteGeneration({
      workspaceId: ctx.workspace.id,
      actor: mateActor,
      role: "admin",
      generationId: id,
    });
    expect(await ids(ctx)).toEqual([]);
  });
});
