import { existsSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { retryGeneration } from "@/lib/generations/retry-generation";
import { syncGeneration } from "@/lib/generations/sync-generation";
import {
  generate,
  generationRow,
  newWorkspace,
  studio,
  waitFor,
  waitForState,
} from "@/tests/support/studio";

async function storedMedia(id: string) {
  return waitFor(
    async () => {
      const g = await generationRow(id);
      return g.mediaState === "stored" || g.mediaState === "failed" ? g : null;
    },
    { what: `media of ${id}` },
  );
}

describe("a generation from prompt to stored video", () => {
  it("creates the kie.ai task, takes the callback as a signal, syncs, and stores the video", async () => {
    const ctx = await newWorkspace();
    const before = studio().sim.stats().createTaskCalls;
    const dto = await generate(ctx, "一只橘猫在雨夜的霓虹街头漫步，电影感 [Push in]");
    expect(dto.state).toBe("waiting");

    const g = await waitForState(dto.id, ["success"]);
    expect(g.providerTaskId).toBeTruthy();
    expect(g.finalSource).toBe("callback");
    expect(g.credits).toBe(57);
    expect(studio().sim.stats().createTaskCalls - before).toBe(1);

    const stored = await storedMedia(dto.id);
    expect(stored.mediaState).toBe("stored");
    expect(stored.bytes).toBeGreaterThan(1000);
    expect(stored.durationMs).toBeGreaterThan(5000);
    expect(stored.width).toBeGreaterThan(0);
    expect(existsSync(join(process.env.MEDIA_DIR ?? "", stored.mediaKey ?? "missing"))).toBe(true);

    const events = await db.providerEvent.findMany({ where: { generationId: dto.id } });
    expect(events.map((e) => e.source)).toEqual(
      expect.arrayContaining(["create", "callback", "sync-callback"]),
    );
  });

  it("a double click (the same idempotency key) creates one kie.ai task", async () => {
    const ctx = await newWorkspace();
    const before = studio().sim.stats().createTaskCalls;
    const [a, b] = await Promise.all([
      generate(ctx, "double click", { idempotencyKey: "same-key-123" }),
      generate(ctx, "double click", { idempotencyKey: "same-key-123" }),
    ]);
    expect(a.id).toBe(b.id);
    expect(await db.generation.count({ where: { workspaceId: ctx.workspace.id } })).toBe(1);
    await waitForState(a.id, ["waiting", "queuing", "generating", "success"]);
    expect(studio().sim.stats().createTaskCalls - before).toBe(1);
  });

  it("recovers a lost callback through the reconciler", async () => {
    const ctx = await newWorkspace();
    const dto = await generate(ctx, "a lighthouse in fog [sim:nocallback]");
    const g = await waitForState(dto.id, ["success"]);
    expect(g.finalSource).toBe("poll");
    expect((await storedMedia(dto.id)).mediaState).toBe("stored");
    expect(
      await db.providerEvent.count({ where: { generationId: dto.id, source: "callback" } }),
    ).toBe(0);
  });

  it("records kie.ai's failure reason, and Retry starts a new generation from the same prompt", async () => {
    const ctx = await newWorkspace();
    const dto = await generate(ctx, "impossible scene [sim:fail]", { promptOptimizer: false });
    const g = await waitForState(dto.id, ["fail"]);
    expect(g.failCode).toBe("500");
    expect(g.failMsg).toMatch(/Generation failed/);
    expect(g.mediaState).toBeNull();

    const retried = await retryGeneration({
      workspace: ctx.workspace,
      userId: ctx.userId,
      role: "owner",
      generationId: dto.id,
    });
    expect(retried.id).not.toBe(dto.id);
    expect(retried.prompt).toBe(g.prompt);
    expect(retried.promptOptimizer).toBe(false);
    expect((await generationRow(dto.id)).state).toBe("fail");
  });
});

describe("a task kie.ai never finishes", () => {
  it("is given up after a day with a clear error, and Retry starts it again", async () => {
    const ctx = await newWorkspace();
    const dto = await generate(ctx, "永远不会结束的任务 [sim:slow] [sim:nocallback]");
    await waitForState(dto.id, ["waiting", "queuing", "generating"]);
    await db.generation.update({
      where: { id: dto.id },
      data: { createdAt: new Date(Date.now() - 25 * 60 * 60 * 1000) },
    });
    await syncGeneration({ generationId: dto.id, reason: "poll" });
    const g = await generationRow(dto.id);
    expect(g.state).toBe("error");
    expect(g.failCode).toBe("timeout");
    expect(g.failMsg).toMatch(/24 hours/);

    const retried = await retryGeneration({
      workspace: ctx.workspace,
      userId: ctx.userId,
      role: "owner",
      generationId: dto.id,
    });
    expect(retried.id).toBe(dto.id);
    expect(retried.state).toBe("waiting");
    expect((await generationRow(dto.id)).providerTaskId).not.toBe(g.providerTaskId);
  });

  it("retried days after it was made, is polled as the new attempt it is and finishes", async () => {
    const ctx = await newWorkspace();
    studio().sim.configure({ createTaskFailures: { status: 422, count: 1 } });
    const dto = await generate(ctx, "a lantern drifting down a river [sim:nocallback]");
    expect(dto.state).toBe("error");
    const twoDaysAgo = new Date(Date.now() - 2 * 24 * 60 * 60 * 1000);
    await db.generation.update({ where: { id: dto.id }, data: { createdAt: twoDaysAgo } });

    const retried = await retryGeneration({
      workspace: ctx.workspace,
      userId: ctx.userId,
      role: "owner",
      generationId: dto.id,
    });
    expect(retried.state).toBe("waiting");
    // No callback: only the reconciler's polls can finish it, on the schedule of a new task.
    const g = await waitForState(dto.id, ["success", "fail", "error"]);
    expect(g).toMatchObject({ state: "success", finalSource: "poll", failCode: null });
    expect(g.pollCount).toBeGreaterThan(0);
  });
});

describe("kie.ai refusals end as the provider table says", () => {
  it("402: not enough credits — an error with a clear message, not retried", async () => {
    const ctx = await newWorkspace();
    const before = studio().sim.stats().createTaskCalls;
    const dto = await generate(ctx, "a quiet forest [sim:402]");
    expect(dto.state).toBe("error");
    expect(dto.failCode).toBe("402");
    expect(dto.failMsg).toMatch(/credits/i);
    expect(dto.prompt).toBe("a quiet forest [sim:402]");
    expect(studio().sim.stats().createTaskCalls - before).toBe(1);
    expect(await db.job.count({ where: { dedupeKey: `submit:${dto.id}` } })).toBe(0);
  });

  it("422: shows kie.ai's own message, not retried", async () => {
    const ctx = await newWorkspace();
    const dto = await generate(ctx, "something [sim:422]");
    expect(dto.state).toBe("error");
    expect(dto.failCode).toBe("422");
    expect(dto.failMsg).toMatch(/content policy/);
  });

  it("500: kie.ai may have made the task, so it is not resent; the outcome is unknown", async () => {
    const ctx = await newWorkspace();
    const before = studio().sim.stats().createTaskCalls;
    const dto = await generate(ctx, "a city at dusk [sim:500x4]");
    expect(dto.state).toBe("error");
    expect(dto.submitStatus).toBe("unknown");
    expect(dto.failCode).toBe("no_response");
    expect(studio().sim.stats().createTaskCalls - before).toBe(1);
    expect(await db.job.count({ where: { dedupeKey: `submit:${dto.id}` } })).toBe(0);
  });

  it.each(["429", "455"])(
    "%s: queued, backed off and resent until kie.ai accepts",
    async (code) => {
      const ctx = await newWorkspace();
      // More refusals than the client retries inline, so the durable job has to resend.
      const dto = await generate(ctx, `a city at dawn [sim:${code}x4]`);
      expect(dto.state).toBe("submitting");
      expect(dto.submitStatus).toBe("queued");
      const g = await waitForState(dto.id, ["success"], 60_000);
      expect(g.submitAttempts).toBeGreaterThanOrEqual(2);
      expect(g.failCode).toBeNull();
    },
  );

  it("no answer: the outcome is unknown, never resent blindly, and the late callback claims it", async () => {
    const ctx = await newWorkspace();
    const before = studio().sim.stats().createTaskCalls;
    const dto = await generate(ctx, "a paper boat on a river [sim:timeout] [sim:slow]");
    expect(dto.state).toBe("error");
    expect(dto.submitStatus).toBe("unknown");
    expect(dto.failMsg).toMatch(/unknown/i);
    const g = await waitForState(dto.id, ["success"]);
    expect(g.providerTaskId).toBeTruthy();
    expect(studio().sim.stats().createTaskCalls - before).toBe(1);
  });
});
