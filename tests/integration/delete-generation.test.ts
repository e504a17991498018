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
import { receiveCallback } from "@/lib/generations/receive-callback";
import { retryGeneration } from "@/lib/generations/retry-generation";
import { storeMedia } from "@/lib/generations/store-media";
import { submitGeneration } from "@/lib/generations/submit-generation";
import { syncGeneration } from "@/lib/generations/sync-generation";
import { signCallback } from "@/lib/kie/callback";
import { monthlyUsage } from "@/lib/kie-account/monthly-usage";
import { createShareLink } from "@/lib/sharing/create-share-link";
import { getSharedPage } from "@/lib/sharing/get-shared-page";
import { listShareLinks } from "@/lib/sharing/list-share-links";
import { resolveShareLink } from "@/lib/sharing/resolve-share-link";
import { HMAC_KEY } from "@/tests/support/integration-setup";
import {
  generate,
  generationRow,
  newWorkspace,
  readyVideo,
  studio,
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
    const gallery = await createShareLink({
      workspaceId: ctx.workspace.id,
      actor,
      input: { targetType: "gallery", expiry: "never", allowDownload: false, showPrompt: false },
    });
    const galleryToken = gallery.url.split("/s/")[1] ?? "";
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
    const link = (await listShareLinks({ workspaceId: ctx.workspace.id })).find(
      (l) => l.targetType === "generation",
    );
    expect(link?.revokedAt).not.toBeNull();
    expect(link?.targetDeleted).toBe(true);
    expect(link?.targetLabel).toContain("橘猫");
    expect(files.some(existsSync)).toBe(false);
    // The gallery's link stays open, without it.
    const open = await resolveShareLink(galleryToken);
    if (!open) throw new Error("the gallery link should stay open");
    expect((await getSharedPage(galleryToken, open)).videos.map((v) => v.id)).toEqual([keep]);
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
    // The log still says what happened to it, without a link to a page that is gone.
    expect(log.openableGenerationIds).toContain(keep);
    expect(log.openableGenerationIds).not.toContain(id);
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

  it("is left alone by the copy into storage, the submission and Retry that would otherwise finish it", async () => {
    const ctx = await newWorkspace();
    const actor = await actorOf(ctx);
    // A video kie.ai made, deleted before the studio copied it (as a deletion racing the copy).
    const id = await readyVideo(ctx, "copied after its deletion");
    await db.generation.update({
      where: { id },
      data: { deletedAt: new Date(), mediaState: "pending", mediaKey: null, posterKey: null },
    });
    await storeMedia(id, { attempt: 1, lastAttempt: true, signal: new AbortController().signal });
    expect(await generationRow(id)).toMatchObject({ mediaKey: null, posterKey: null });

    // A submission still waiting to be sent, deleted meanwhile: nothing goes to kie.ai.
    const { sim } = studio();
    const calls = sim.stats().createTaskCalls;
    const waiting = await generate(ctx, "sent after its deletion [sim:402]");
    await waitForState(waiting.id, ["error"]);
    await db.generation.update({
      where: { id: waiting.id },
      data: { state: "submitting", submitStatus: null, deletedAt: new Date() },
    });
    await submitGeneration(waiting.id);
    expect(sim.stats().createTaskCalls).toBe(calls + 1);
    expect(await generationRow(waiting.id)).toMatchObject({ state: "submitting" });
    // And Retry cannot bring it back.
    expect(
      await rejectionCode(
        retryGeneration({
          workspace: ctx.workspace,
          userId: actor.id,
          role: "owner",
          generationId: waiting.id,
        }),
      ),
    ).toBe("not_found");
  });

  it("is left alone by kie.ai's callback and by a poll of recordInfo, when deleted while unknown to the studio", async () => {
    const ctx = await newWorkspace();
    // A task kie.ai finished, as the studio saw it before the news: still generating, then
    // deleted (as a submission whose outcome was unknown may be).
    const id = await readyVideo(ctx, "finished after its deletion");
    const { providerTaskId } = await generationRow(id);
    const taskId = providerTaskId ?? "";
    await db.generation.update({
      where: { id },
      data: {
        state: "generating",
        finishedAt: null,
        deletedAt: new Date(),
        mediaState: null,
        mediaKey: null,
        posterKey: null,
      },
    });
    const res = await fetch(`${studio().sim.url}/__sim/tasks`);
    const { data } = (await res.json()) as { data: { taskId: string; callBackUrl: string }[] };
    const callBackUrl = data.find((t) => t.taskId === taskId)?.callBackUrl ?? "";
    const at = Math.floor(Date.now() / 1000);
    const answer = await receiveCallback({
      token: new URL(callBackUrl).searchParams.get("t"),
      rawBody: JSON.stringify({
        code: 200,
        msg: "Playground task completed successfully.",
        data: { taskId, state: "success", resultJson: '{"resultUrls":[]}', creditsConsumed: 57 },
      }),
      timestamp: String(at),
      signature: signCallback(taskId, at, HMAC_KEY),
    });
    // Answered, and nothing follows: no sync is queued for it…
    expect(answer).toEqual({ ok: true, duplicate: true });
    expect(await db.job.count({ where: { dedupeKey: `callback:${id}` } })).toBe(0);
    // …and a poll that finds the task done at kie.ai does not finish it.
    await syncGeneration({ generationId: id, reason: "poll" });
    expect(await generationRow(id)).toMatchObject({
      state: "generating",
      finishedAt: null,
      mediaKey: null,
    });
  });
});
