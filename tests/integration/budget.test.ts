import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { isAppError } from "@/lib/errors";
import { retryGeneration } from "@/lib/generations/retry-generation";
import { getCredits } from "@/lib/kie-account/get-credits";
import { getKieSettings } from "@/lib/kie-account/get-kie-settings";
import { monthStartUtc } from "@/lib/kie-account/monthly-usage";
import { setMemberBudget } from "@/lib/kie-account/set-member-budget";
import { setWorkspaceBudget } from "@/lib/kie-account/set-workspace-budget";
import { generate, newWorkspace, studio, waitForState } from "@/tests/support/studio";

async function admin() {
  const ctx = await newWorkspace();
  const actor = await db.user.findUniqueOrThrow({
    where: { id: ctx.userId },
    select: { id: true, email: true },
  });
  return { ...ctx, actor };
}

async function simTaskCount() {
  const res = await fetch(`${studio().sim.url}/__sim/tasks`);
  return ((await res.json()) as { data: unknown[] }).data.length;
}

async function refusal(promise: Promise<unknown>) {
  const e = await promise.then(
    () => null,
    (err: unknown) => err,
  );
  if (!isAppError(e)) throw new Error(`expected a refusal, got ${String(e)}`);
  return e;
}

describe("monthly credit budgets", () => {
  it("holds when many presses arrive at once: exactly what fits gets in, nothing deadlocks", async () => {
    const ctx = await admin();
    await setWorkspaceBudget({ workspaceId: ctx.workspace.id, actor: ctx.actor, limit: 120 });
    const results = await Promise.allSettled(
      Array.from({ length: 6 }, (_, i) => generate(ctx, `同时按下的第 ${i} 个视频`)),
    );
    const accepted = results.filter((r) => r.status === "fulfilled");
    const refused = results.filter(
      (r) => r.status === "rejected" && isAppError(r.reason) && r.reason.code === "budget_exceeded",
    );
    expect(accepted).toHaveLength(2);
    expect(refused).toHaveLength(4);
    expect(await db.generation.count({ where: { workspaceId: ctx.workspace.id } })).toBe(2);
  });

  it("also holds for Retry: resubmitting a generation that never reached kie.ai is checked again", async () => {
    const ctx = await admin();
    // Refused by kie.ai before any budget exists: an error that costs nothing.
    const refused = await generate(ctx, "被拒绝的提交 [sim:402]");
    expect(refused.state).toBe("error");
    await generate(ctx, "占满预算的视频");
    await setWorkspaceBudget({ workspaceId: ctx.workspace.id, actor: ctx.actor, limit: 60 });
    const before = await simTaskCount();
    const e = await refusal(
      retryGeneration({
        workspace: ctx.workspace,
        userId: ctx.userId,
        role: "owner",
        generationId: refused.id,
      }),
    );
    expect(e.code).toBe("budget_exceeded");
    expect(await simTaskCount()).toBe(before);
    // Still the same error the person can see, not half-reset.
    expect((await db.generation.findUniqueOrThrow({ where: { id: refused.id } })).state).toBe(
      "error",
    );
  });

  it("refuses, before createTask, a generation that would exceed the workspace's budget", async () => {
    const ctx = await admin();
    await setWorkspaceBudget({ workspaceId: ctx.workspace.id, actor: ctx.actor, limit: 120 });
    const first = await generate(ctx, "湖面上的天鹅，清晨薄雾");
    // In flight it already counts 57; finished, what kie.ai reported (57 in the simulator).
    expect((await getKieSettings(ctx.workspace.id)).budget).toEqual({ limit: 120, used: 57 });
    await waitForState(first.id, ["success"]);
    await generate(ctx, "沙漠中的骆驼队，夕阳");

    const before = await simTaskCount();
    const rows = await db.generation.count({ where: { workspaceId: ctx.workspace.id } });
    const e = await refusal(generate(ctx, "第三个视频不应被提交"));
    expect(e.code).toBe("budget_exceeded");
    expect(e.status).toBe(403);
    expect(e.message).toBe(
      "This would exceed the workspace's monthly budget of 120 credits (used 114)",
    );
    expect(await simTaskCount()).toBe(before);
    expect(await db.generation.count({ where: { workspaceId: ctx.workspace.id } })).toBe(rows);

    // Raising the budget lets it through; a replay of an accepted press is never refused.
    await setWorkspaceBudget({ workspaceId: ctx.workspace.id, actor: ctx.actor, limit: 1_000 });
    const key = randomUUID();
    const third = await generate(ctx, "第三个视频", { idempotencyKey: key });
    await setWorkspaceBudget({ workspaceId: ctx.workspace.id, actor: ctx.actor, limit: 150 });
    expect((await generate(ctx, "第三个视频", { idempotencyKey: key })).id).toBe(third.id);
  });

  it("a member's own budget applies within the workspace, and last month does not count", async () => {
    const ctx = await admin();
    await setMemberBudget({
      workspaceId: ctx.workspace.id,
      actor: ctx.actor,
      userId: ctx.userId,
      limit: 100,
    });
    // A generation from last month, at full cost, is not this month's.
    await db.generation.create({
      data: {
        workspaceId: ctx.workspace.id,
        authorId: ctx.userId,
        prompt: "上个月",
        promptOptimizer: false,
        model: "hailuo/02-text-to-video-pro",
        state: "success",
        credits: 570,
        idempotencyKey: randomUUID(),
        callbackTokenHash: randomUUID(),
        createdAt: new Date(monthStartUtc().getTime() - 60_000),
      },
    });
    await generate(ctx, "竹林小径，微风");
    const e = await refusal(generate(ctx, "再来一个"));
    expect(e.code).toBe("budget_exceeded");
    expect(e.message).toBe(
      "This would exceed your monthly budget in this workspace of 100 credits (used 57)",
    );
    const settings = await getKieSettings(ctx.workspace.id);
    expect(settings.members).toEqual([
      expect.objectContaining({ userId: ctx.userId, limit: 100, used: 57 }),
    ]);
    // The editor is told the same before the next press: 57 + 57 would pass 100.
    const credits = await getCredits(ctx.workspace.id, ctx.userId);
    expect(credits.memberBudget).toEqual({ limit: 100, used: 57 });
    expect(credits.budget.limit).toBeNull();
  });

  it("budget changes and generations are in the audit log, with who did them", async () => {
    const ctx = await admin();
    await setWorkspaceBudget({ workspaceId: ctx.workspace.id, actor: ctx.actor, limit: 5_000 });
    await setWorkspaceBudget({ workspaceId: ctx.workspace.id, actor: ctx.actor, limit: 5_000 });
    await setMemberBudget({
      workspaceId: ctx.workspace.id,
      actor: ctx.actor,
      userId: ctx.userId,
      limit: 300,
    });
    const g = await generate(ctx, "雨中的红伞");
    const audit = await db.auditLog.findMany({
      where: { workspaceId: ctx.workspace.id },
      orderBy: { createdAt: "asc" },
    });
    expect(audit.map((a) => [a.action, a.actorEmail])).toEqual([
      ["budget.changed", ctx.actor.email],
      ["budget.changed", ctx.actor.email],
      ["generation.created", ctx.actor.email],
    ]);
    expect(JSON.parse(audit[0]?.details ?? "{}")).toEqual({
      scope: "workspace",
      from: null,
      to: 5_000,
    });
    expect(audit[2]?.targetId).toBe(g.id);
  });
});
