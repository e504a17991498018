import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { isAppError } from "@/lib/errors";
import { createTakes } from "@/lib/generations/create-generation";
import { retryGeneration } from "@/lib/generations/retry-generation";
import { createGenerationInput } from "@/lib/generations/schemas";
import {
  DEFAULT_MODEL,
  type Duration,
  estimateCredits,
  MODELS,
  type ModelId,
  type Resolution,
} from "@/lib/kie/models";
import { monthlyUsage } from "@/lib/kie-account/monthly-usage";
import { setWorkspaceBudget } from "@/lib/kie-account/set-workspace-budget";
import {
  generationRow,
  newWorkspace,
  studio,
  submissionSettled,
  waitForState,
} from "@/tests/support/studio";

// The model chosen for one press of Generate, with its length and size where it offers a choice:
// checked before anything is written or spent, stored on every take, counted at its own price
// against the budgets, and sent to kie.ai in kie.ai's own field names.

const PRO: ModelId = "hailuo/02-text-to-video-pro";
const STANDARD: ModelId = "hailuo/02-text-to-video-standard";
const IMAGE_PRO: ModelId = "hailuo/02-image-to-video-pro";

type Ctx = Awaited<ReturnType<typeof newWorkspace>>;

function press(
  ctx: Ctx,
  prompt: string,
  choice: { model?: ModelId; duration?: Duration; resolution?: Resolution; takes?: number } = {},
  promptOptimizer = true,
) {
  const { takes = 1, ...rest } = choice;
  return createTakes({
    workspace: ctx.workspace,
    authorId: ctx.userId,
    prompt,
    promptOptimizer,
    ...rest,
    idempotencyKey: randomUUID(),
    takes,
  });
}

interface SimTask {
  taskId: string;
  prompt: string;
  param: string;
}

async function simTasks(): Promise<SimTask[]> {
  const res = await fetch(`${studio().sim.url}/__sim/tasks`);
  return ((await res.json()) as { data: SimTask[] }).data;
}

async function tasksFor(prompt: string): Promise<number> {
  return (await simTasks()).filter((t) => t.prompt === prompt).length;
}

/** The createTask body kie.ai (the simulator) received for a generation, once it was sent. */
async function sentBody(generationId: string): Promise<Record<string, unknown>> {
  await submissionSettled(generationId);
  const row = await generationRow(generationId);
  if (!row.providerTaskId) throw new Error(`${generationId} was not sent (${row.state})`);
  const task = (await simTasks()).find((t) => t.taskId === row.providerTaskId);
  if (!task) throw new Error(`the simulator has no task ${row.providerTaskId}`);
  return JSON.parse(task.param) as Record<string, unknown>;
}

async function refusal(promise: Promise<unknown>) {
  const e = await promise.then(
    () => null,
    (err: unknown) => err,
  );
  if (!isAppError(e)) throw new Error(`expected a refusal, got ${String(e)}`);
  return e;
}

/** What a model's video is estimated at, its defaults filling in what the choice leaves open. */
function estimateOf(model: ModelId, duration?: Duration, resolution?: Resolution): number {
  const m = MODELS[model];
  return estimateCredits(model, duration ?? m.defaultDuration, resolution ?? m.defaultResolution);
}

describe("the model chosen for a press", () => {
  it("Hailuo 02 Pro, left at its defaults: stored at 6 s 1080P and its estimate, sent with the prompt and optimizer only", async () => {
    const ctx = await newWorkspace();
    const prompt = `专业版：雪山上的日出 ${randomUUID()}`;
    const [dto] = await press(ctx, prompt, { model: PRO });
    if (!dto) throw new Error("no take");
    const estimate = estimateOf(PRO);
    expect(estimate).toBe(57);
    expect(dto).toMatchObject({
      model: PRO,
      duration: "6",
      resolution: "1080P",
      estimatedCredits: estimate,
    });
    const row = await generationRow(dto.id);
    expect(row).toMatchObject({
      model: PRO,
      duration: "6",
      resolution: "1080P",
      contentFilter: false,
      estimatedCredits: estimate,
    });

    const body = await sentBody(dto.id);
    expect(Object.keys(body).sort()).toEqual(["callBackUrl", "input", "model"]);
    expect(body.model).toBe(PRO);
    expect(body.input).toEqual({ prompt, prompt_optimizer: true });
  });

  it("Hailuo 02 Standard at 10 s: every take stored at 10 s 768P and its estimate, sent with duration and no resolution", async () => {
    const ctx = await newWorkspace();
    const prompt = `标准版十秒：麦田里的风 ${randomUUID()}`;
    const takes = await press(ctx, prompt, { model: STANDARD, duration: "10", takes: 2 }, false);
    expect(takes).toHaveLength(2);
    const estimate = estimateOf(STANDARD, "10");
    expect(estimate).toBe(50);
    // The default length, for comparison: the price list tells them apart.
    expect(estimateOf(STANDARD)).toBe(30);
    for (const dto of takes) {
      expect(dto).toMatchObject({
        model: STANDARD,
        duration: "10",
        resolution: MODELS[STANDARD].defaultResolution,
        estimatedCredits: estimate,
      });
      expect(await generationRow(dto.id)).toMatchObject({
        model: STANDARD,
        duration: "10",
        resolution: "768P",
        estimatedCredits: estimate,
      });
      const body = await sentBody(dto.id);
      expect(body.model).toBe(STANDARD);
      expect(body.input).toEqual({ prompt, prompt_optimizer: false, duration: "10" });
    }
    expect(await tasksFor(prompt)).toBe(2);
  });

  it("the workspace's content filter is sent as nsfw_checker: true when on, and left out when off", async () => {
    const ctx = await newWorkspace();
    await db.workspace.update({ where: { id: ctx.workspace.id }, data: { contentFilter: true } });
    const filtered = `过滤开启 ${randomUUID()}`;
    const [on] = await press(ctx, filtered, { model: STANDARD });
    if (!on) throw new Error("no take");
    expect((await generationRow(on.id)).contentFilter).toBe(true);
    const onBody = await sentBody(on.id);
    expect(onBody.input).toEqual({
      prompt: filtered,
      prompt_optimizer: true,
      nsfw_checker: true,
      duration: "6",
    });

    await db.workspace.update({ where: { id: ctx.workspace.id }, data: { contentFilter: false } });
    const unfiltered = `过滤关闭 ${randomUUID()}`;
    const [off] = await press(ctx, unfiltered, { model: PRO });
    if (!off) throw new Error("no take");
    expect((await generationRow(off.id)).contentFilter).toBe(false);
    const offBody = await sentBody(off.id);
    expect(offBody.input).not.toHaveProperty("nsfw_checker");
    expect(offBody.input).toEqual({ prompt: unfiltered, prompt_optimizer: true });
    // The one made while it was on keeps what it was sent with.
    expect((await generationRow(on.id)).contentFilter).toBe(true);
  });

  it("a choice the model can't make is refused before anything is written or sent", async () => {
    const ctx = await newWorkspace();
    const cases: {
      choice: { model: ModelId; duration?: Duration; resolution?: Resolution };
      fields: Record<string, string>;
      prompt: string;
    }[] = [
      {
        choice: { model: STANDARD, resolution: "1080P" },
        fields: { resolution: "resolution" },
        prompt: `标准版不能选 1080P ${randomUUID()}`,
      },
      {
        choice: { model: PRO, duration: "10" },
        fields: { duration: "duration" },
        prompt: `专业版只有六秒 ${randomUUID()}`,
      },
      {
        choice: { model: IMAGE_PRO },
        fields: { imageUrl: "image_required" },
        prompt: `图生视频却没有图片 ${randomUUID()}`,
      },
      {
        choice: { model: STANDARD },
        fields: { prompt: "prompt_too_long" },
        prompt: `${randomUUID()} ${"长".repeat(1500)}`.slice(0, 1501),
      },
    ];
    for (const { choice, fields, prompt } of cases) {
      const e = await refusal(press(ctx, prompt, { ...choice, takes: 2 }));
      expect(e.code).toBe("invalid_input");
      expect(e.fields).toEqual(fields);
    }
    const [tooLong] = cases.slice(-1);
    expect(tooLong?.prompt).toHaveLength(1501);
    expect(MODELS[STANDARD].promptMax).toBe(1500);
    expect(await db.generation.count({ where: { workspaceId: ctx.workspace.id } })).toBe(0);
    for (const { prompt } of cases) expect(await tasksFor(prompt)).toBe(0);

    // At the model's limit exactly, the prompt is taken, and kie.ai takes it too.
    const longest = `${randomUUID()} ${"长".repeat(1500)}`.slice(0, 1500);
    const [dto] = await press(ctx, longest, { model: PRO });
    if (!dto) throw new Error("no take");
    expect((await sentBody(dto.id)).input).toEqual({ prompt: longest, prompt_optimizer: true });
  });

  it("the budget counts each take at its model's estimate: three 6 s Standard takes fit in 100, a Pro after them does not", async () => {
    const ctx = await newWorkspace();
    const actor = await db.user.findUniqueOrThrow({
      where: { id: ctx.userId },
      select: { id: true, email: true },
    });
    const standard6 = estimateOf(STANDARD, "6");
    const pro = estimateOf(PRO);
    const limit = 100;
    // Three Standard takes fit; a Pro on top of them does not.
    expect(3 * standard6).toBeLessThanOrEqual(limit);
    expect(3 * standard6 + pro).toBeGreaterThan(limit);
    await setWorkspaceBudget({ workspaceId: ctx.workspace.id, actor, limit });

    // Slow, so the takes stay in flight (counted at their estimate) while the budget is checked.
    const prompt = `预算内的标准版 ${randomUUID()} [sim:slow]`;
    const takes = await press(ctx, prompt, { model: STANDARD, duration: "6", takes: 3 });
    expect(takes).toHaveLength(3);
    expect(takes.map((g) => g.estimatedCredits)).toEqual([standard6, standard6, standard6]);
    expect(await monthlyUsage({ workspaceId: ctx.workspace.id })).toBe(3 * standard6);

    const proPrompt = `超出预算的专业版 ${randomUUID()}`;
    const e = await refusal(press(ctx, proPrompt, { model: PRO }));
    expect(e.code).toBe("budget_exceeded");
    expect(e.fields).toEqual({
      scope: "workspace",
      limit: String(limit),
      used: String(3 * standard6),
      takes: "1",
      fits: "0",
    });
    expect(await db.generation.count({ where: { workspaceId: ctx.workspace.id } })).toBe(3);
    for (const g of takes) await submissionSettled(g.id);
    expect(await tasksFor(prompt)).toBe(3);
    expect(await tasksFor(proPrompt)).toBe(0);
  });

  it("Retry of a generation kie.ai failed starts a new one with the same model, length and size", async () => {
    const ctx = await newWorkspace();
    const prompt = `注定失败的十秒标准版 ${randomUUID()} [sim:fail]`;
    const [failed] = await press(ctx, prompt, { model: STANDARD, duration: "10" });
    if (!failed) throw new Error("no take");
    expect((await waitForState(failed.id, ["fail"])).failCode).toBe("500");

    const retried = await retryGeneration({
      workspace: ctx.workspace,
      userId: ctx.userId,
      role: "owner",
      generationId: failed.id,
    });
    expect(retried.id).not.toBe(failed.id);
    expect(retried).toMatchObject({
      prompt,
      model: STANDARD,
      duration: "10",
      resolution: "768P",
      estimatedCredits: estimateOf(STANDARD, "10"),
    });
    expect(await generationRow(retried.id)).toMatchObject({
      model: STANDARD,
      duration: "10",
      resolution: "768P",
      estimatedCredits: estimateOf(STANDARD, "10"),
    });
    const body = await sentBody(retried.id);
    expect(body.model).toBe(STANDARD);
    expect(body.input).toEqual({ prompt, prompt_optimizer: true, duration: "10" });
    expect((await generationRow(failed.id)).state).toBe("fail");
  });
});

describe("Generate's input schema", () => {
  const base = {
    workspaceSlug: "w",
    prompt: "一只猫在窗台上",
    promptOptimizer: true,
    idempotencyKey: "press-model-0001",
  };

  it("defaults to the Pro model and refuses a model or length it doesn't know", () => {
    const parsed = createGenerationInput.parse(base);
    expect(parsed.model).toBe(DEFAULT_MODEL);
    expect(parsed.model).toBe(PRO);
    expect(parsed.duration).toBeUndefined();
    expect(parsed.resolution).toBeUndefined();
    expect(createGenerationInput.parse({ ...base, model: STANDARD, duration: "10" })).toMatchObject(
      { model: STANDARD, duration: "10" },
    );

    expect(createGenerationInput.safeParse({ ...base, model: "hailuo/03-pro" }).success).toBe(
      false,
    );
    expect(createGenerationInput.safeParse({ ...base, duration: "7" }).success).toBe(false);
    expect(createGenerationInput.safeParse({ ...base, duration: 10 }).success).toBe(false);
  });
});
