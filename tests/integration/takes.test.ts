import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { isAppError } from "@/lib/errors";
import { cancelGeneration } from "@/lib/generations/cancel-generation";
import { createTakes } from "@/lib/generations/create-generation";
import { listGenerations } from "@/lib/generations/list-generations";
import { createGenerationInput } from "@/lib/generations/schemas";
import { monthlyUsage } from "@/lib/kie-account/monthly-usage";
import { setKieKeys } from "@/lib/kie-account/set-kie-keys";
import { setMemberBudget } from "@/lib/kie-account/set-member-budget";
import { setWorkspaceBudget } from "@/lib/kie-account/set-workspace-budget";
import {
  newWorkspace,
  studio,
  submissionSettled,
  waitFor,
  waitForState,
} from "@/tests/support/studio";

// One press of Generate with Takes = N: N generations, N kie.ai tasks, one shot — however often
// the press arrives — and a budget that takes all N or none.

async function tasksFor(prompt: string): Promise<number> {
  const res = await fetch(`${studio().sim.url}/__sim/tasks`);
  const tasks = ((await res.json()) as { data: { prompt: string }[] }).data;
  return tasks.filter((t) => t.prompt === prompt).length;
}

async function refusal(promise: Promise<unknown>) {
  const e = await promise.then(
    () => null,
    (err: unknown) => err,
  );
  if (!isAppError(e)) throw new Error(`expected a refusal, got ${String(e)}`);
  return e;
}

describe("takes", () => {
  it("a press of three, sent three times at once, makes three takes of one shot and three kie.ai tasks", async () => {
    const ctx = await newWorkspace();
    const prompt = `三个版本：海边的灯塔在暴风雨中 ${randomUUID()}`;
    const press = () =>
      createTakes({
        workspace: ctx.workspace,
        authorId: ctx.userId,
        prompt,
        promptOptimizer: false,
        idempotencyKey: "press-takes-0001",
        takes: 3,
      });
    const answers = await Promise.all([press(), press(), press()]);
    const [first] = answers;
    if (!first) throw new Error("no answer");
    expect(first).toHaveLength(3);
    for (const other of answers) expect(other.map((g) => g.id)).toEqual(first.map((g) => g.id));
    const shotId = first[0]?.id;
    expect(first.map((g) => g.shot)).toEqual([
      { id: shotId, take: 1, takes: 3, kept: false },
      { id: shotId, take: 2, takes: 3, kept: false },
      { id: shotId, take: 3, takes: 3, kept: false },
    ]);

    // The gallery shows them in order, take 1 first.
    const page = await listGenerations({
      workspaceId: ctx.workspace.id,
      workspaceSlug: ctx.workspace.slug,
    });
    expect(page.items.map((g) => g.shot.take)).toEqual([1, 2, 3]);

    for (const g of first) await waitForState(g.id, ["success"]);
    // Replayed after the fact, still the same three.
    const later = await press();
    expect(later.map((g) => g.id)).toEqual(first.map((g) => g.id));
    expect(await tasksFor(prompt)).toBe(3);
    expect(await db.generation.count({ where: { workspaceId: ctx.workspace.id } })).toBe(3);
    const rows = await db.generation.findMany({
      where: { workspaceId: ctx.workspace.id },
      select: { providerTaskId: true, submitAttempts: true },
    });
    expect(new Set(rows.map((r) => r.providerTaskId)).size).toBe(3);
    expect(rows.every((r) => r.submitAttempts === 1)).toBe(true);
  });

  it("the budget takes the whole press or none of it, and says how many would fit", async () => {
    const ctx = await newWorkspace();
    const actor = await db.user.findUniqueOrThrow({
      where: { id: ctx.userId },
      select: { id: true, email: true },
    });
    // Room for two videos at the estimate (57 credits each), not three.
    await setWorkspaceBudget({ workspaceId: ctx.workspace.id, actor, limit: 150 });
    // Slow, so the takes stay in flight (counted at the estimate) while the budget is checked.
    const prompt = `预算内的版本 ${randomUUID()} [sim:slow]`;
    const press = (takes: number) =>
      createTakes({
        workspace: ctx.workspace,
        authorId: ctx.userId,
        prompt,
        promptOptimizer: true,
        idempotencyKey: randomUUID(),
        takes,
      });
    const e = await refusal(press(4));
    expect(e.code).toBe("budget_exceeded");
    expect(e.fields).toMatchObject({ scope: "workspace", takes: "4", fits: "2", used: "0" });
    expect(await db.generation.count({ where: { workspaceId: ctx.workspace.id } })).toBe(0);
    expect(await tasksFor(prompt)).toBe(0);

    const two = await press(2);
    expect(two).toHaveLength(2);
    const none = await refusal(press(1));
    expect(none.fields).toMatchObject({ takes: "1", fits: "0" });
    for (const g of two) await submissionSettled(g.id);
    expect(await tasksFor(prompt)).toBe(2);

    // A member's own budget counts the same way.
    await setWorkspaceBudget({ workspaceId: ctx.workspace.id, actor, limit: null });
    await setMemberBudget({
      workspaceId: ctx.workspace.id,
      actor,
      userId: ctx.userId,
      limit: (await monthlyUsage({ workspaceId: ctx.workspace.id })) + 57 * 3 - 1,
    });
    const member = await refusal(press(3));
    expect(member.fields).toMatchObject({ scope: "member", takes: "3", fits: "2" });
  });

  it("takes outside 1 to 4 are refused as bad input, before anything is written", async () => {
    const base = { workspaceSlug: "w", prompt: "一只猫", promptOptimizer: true };
    const key = { idempotencyKey: randomUUID() };
    for (const takes of [0, 5, 2.5, "2", null]) {
      expect(createGenerationInput.safeParse({ ...base, ...key, takes }).success).toBe(false);
    }
    expect(createGenerationInput.parse({ ...base, ...key }).takes).toBe(1);
    const ctx = await newWorkspace();
    const e = await refusal(
      createTakes({
        workspace: ctx.workspace,
        authorId: ctx.userId,
        prompt: "一只猫",
        promptOptimizer: true,
        idempotencyKey: randomUUID(),
        takes: 9,
      }),
    );
    expect(e.code).toBe("invalid_input");
    expect(await db.generation.count({ where: { workspaceId: ctx.workspace.id } })).toBe(0);
  });
});

describe("cancelling a take", () => {
  it("a take waiting for room under kie.ai's allowance is called off: never sent, nothing charged", async () => {
    const ctx = await newWorkspace();
    const actor = await db.user.findUniqueOrThrow({
      where: { id: ctx.userId },
      select: { id: true, email: true },
    });
    // A key of its own: kie.ai's allowance is per account, so this burst leaves no other test's
    // window fuller.
    await setKieKeys({ workspaceId: ctx.workspace.id, actor, apiKey: `kie-takes-${randomUUID()}` });
    const prompt = `排队中的版本 ${randomUUID()}`;
    // 24 takes at once: kie.ai's allowance sends 20, and the rest wait their turn.
    const presses = await Promise.all(
      Array.from({ length: 6 }, () =>
        createTakes({
          workspace: ctx.workspace,
          authorId: ctx.userId,
          prompt,
          promptOptimizer: false,
          idempotencyKey: randomUUID(),
          takes: 4,
        }),
      ),
    );
    const ids = presses.flat().map((g) => g.id);
    for (const id of ids) await submissionSettled(id);
    const held = await db.generation.findMany({
      where: { id: { in: ids }, submitStatus: "held" },
      select: { id: true },
    });
    expect(held.length).toBeGreaterThanOrEqual(1);
    const [target] = held;
    if (!target) throw new Error("no take waiting");

    const cancelled = await cancelGeneration({
      workspace: ctx.workspace,
      actor,
      role: "owner",
      generationId: target.id,
    });
    expect(cancelled).toMatchObject({ state: "error", failCode: "cancelled", submitStatus: null });
    // The rest still go out; the cancelled one never does.
    await waitFor(
      async () =>
        (await db.generation.count({
          where: { id: { in: ids }, providerTaskId: { not: null } },
        })) ===
        ids.length - 1,
      { timeoutMs: 40_000, what: "every other take to be sent" },
    );
    expect(await tasksFor(prompt)).toBe(ids.length - 1);
    const row = await db.generation.findUniqueOrThrow({ where: { id: target.id } });
    expect([row.state, row.providerTaskId, row.submitAttempts]).toEqual(["error", null, 0]);
    expect(await db.job.count({ where: { dedupeKey: `submit:${target.id}` } })).toBe(0);
    expect(await monthlyUsage({ workspaceId: ctx.workspace.id })).toBe(
      await monthlyUsage({ workspaceId: ctx.workspace.id, excludeGenerationIds: [target.id] }),
    );

    // One already sent can no longer be called back, and says so.
    const sent = ids.find((id) => id !== target.id) as string;
    const e = await refusal(
      cancelGeneration({ workspace: ctx.workspace, actor, role: "owner", generationId: sent }),
    );
    expect(e.code).toBe("conflict");
  }, 90_000);
});
