import "server-only";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { callbackUrl, newCallbackToken } from "@/lib/generations/callback-token";
import { FAIL_CODE } from "@/lib/generations/fail-codes";
import { nextPollDelayMs } from "@/lib/generations/poll-schedule";
import { publishChange } from "@/lib/generations/publish";
import { kieImageUrl } from "@/lib/images/kie-image-url";
import { enqueue } from "@/lib/jobs/jobs";
import type { JobOutcome } from "@/lib/jobs/types";
import type { CreateTaskInput } from "@/lib/kie/client";
import { failCodeFor, type KieError, mayHaveBeenProcessed } from "@/lib/kie/errors";
import { isModelId, MODELS, storedChoice } from "@/lib/kie/models";
import { kieClientFor } from "@/lib/kie-account/kie-client-for";
import { logger } from "@/lib/logger";

// About ten minutes of backing off before a submission kie.ai keeps refusing is given up.
const MAX_SUBMIT_ATTEMPTS = 8;

const UNKNOWN_OUTCOME =
  "kie.ai did not answer, so it is unknown whether this video is being generated. If kie.ai " +
  "started it, it will appear here by itself; Retry submits it again (and may be charged twice).";

function backoffMs(attempt: number): number {
  const base = Math.min(5_000 * 2 ** (attempt - 1), 120_000) * env().RECONCILE_SCALE;
  return base * (0.5 + Math.random() / 2);
}

// Every write below is conditional on the generation still waiting for this submission: a
// callback may have claimed the task while kie.ai's answer was on its way.
const STILL_SUBMITTING = { state: "submitting", providerTaskId: null, deletedAt: null } as const;

async function markError(
  g: { id: string; workspaceId: string },
  data: { failCode: string; failMsg: string; submitStatus: string | null },
) {
  const updated = await db.generation.updateMany({
    where: { id: g.id, ...STILL_SUBMITTING },
    data: { state: "error", ...data },
  });
  if (updated.count) publishChange({ ...g, state: "error" });
}

/**
 * What a generation asks kie.ai for, from what was stored when it was made: the optimizer and the
 * content filter only where its model takes them. Null for a model the studio no longer knows.
 */
function sendable(g: {
  prompt: string;
  promptOptimizer: boolean;
  model: string;
  duration: string;
  resolution: string;
  contentFilter: boolean;
}): CreateTaskInput | null {
  if (!isModelId(g.model)) return null;
  const m = MODELS[g.model];
  return {
    ...storedChoice(g.model, g.duration, g.resolution),
    prompt: g.prompt,
    ...(m.optimizer && { promptOptimizer: g.promptOptimizer }),
    ...(m.contentFilter && { contentFilter: g.contentFilter }),
  };
}

/**
 * Sends one submitting generation to kie.ai's createTask. Called inline by Generate and Retry,
 * and by the "submit" job that backs off after a rate limit or outage, waits for room in kie.ai's
 * per-account allowance (lib/kie-account/provider-limits.ts), or finds a submission a crash
 * interrupted. It never sends twice blindly: an attempt whose answer did not arrive is
 * marked unknown and left for a callback to claim or the person to retry.
 */
export async function submitGeneration(generationId: string): Promise<JobOutcome> {
  const g = await db.generation.findUnique({
    where: { id: generationId },
    select: {
      id: true,
      workspaceId: true,
      prompt: true,
      promptOptimizer: true,
      model: true,
      duration: true,
      resolution: true,
      contentFilter: true,
      startImageId: true,
      endImageId: true,
      state: true,
      submitStatus: true,
      submitAttempts: true,
      deletedAt: true,
    },
  });
  // Deleted meanwhile: nothing is sent, and nothing is charged.
  if (g?.state !== "submitting" || g.deletedAt) return;
  if (g.submitStatus === "sending") {
    // The process that was sending this died before recording kie.ai's answer.
    await markError(g, {
      failCode: FAIL_CODE.noResponse,
      failMsg: UNKNOWN_OUTCOME,
      submitStatus: "unknown",
    });
    return;
  }

  const input = sendable(g);
  if (!input) {
    await markError(g, {
      failCode: "request_invalid",
      failMsg: `The studio no longer makes videos with ${g.model}`,
      submitStatus: null,
    });
    return;
  }
  // Resolved before "sending" is recorded: a failure here must not look like a lost answer.
  const client = await kieClientFor(g.workspaceId);
  // The images go to kie.ai first (its File Upload API): it can't fetch them from the studio.
  for (const [field, imageId] of [
    ["imageUrl", g.startImageId],
    ["endImageUrl", g.endImageId],
  ] as const) {
    if (!imageId) continue;
    const url = await kieImageUrl(client, imageId);
    if (!url.ok) {
      return refused(
        g,
        url.error,
        { attempt: g.submitAttempts + 1, counted: false, tasked: false },
        "image upload refused",
      );
    }
    input[field] = url.data;
  }
  const { token, hash } = newCallbackToken();
  const started = await db.generation.updateMany({
    where: { id: g.id, ...STILL_SUBMITTING, submitStatus: g.submitStatus },
    data: { callbackTokenHash: hash, submitStatus: "sending", submitAttempts: { increment: 1 } },
  });
  if (started.count === 0) return;
  const attempt = g.submitAttempts + 1;

  const result = await client.createTask({
    ...input,
    callBackUrl: callbackUrl(env().APP_URL, token),
  });

  if (result.ok) {
    const taskId = result.data.taskId;
    await db.$transaction(async (tx) => {
      // Also when the attempt had meanwhile been written off as unknown: kie.ai's answer settles it.
      await tx.generation.updateMany({
        where: { id: g.id, providerTaskId: null, state: { in: ["submitting", "error"] } },
        data: {
          state: "waiting",
          providerTaskId: taskId,
          submitStatus: null,
          failCode: null,
          failMsg: null,
        },
      });
      await tx.providerEvent.create({
        data: {
          generationId: g.id,
          taskId,
          source: "create",
          state: "waiting",
          payload: JSON.stringify(result.data),
        },
      });
      await enqueue(
        "sync",
        { generationId: g.id, reason: "poll" },
        { runAt: new Date(Date.now() + nextPollDelayMs(0, env().RECONCILE_SCALE)), tx },
      );
    });
    logger.info({ generation: g.id, taskId, attempt }, "kie.ai task created");
    publishChange({ id: g.id, workspaceId: g.workspaceId, state: "waiting" });
    return;
  }

  const error = result.error;
  if (error.heldBack) {
    // The account's allowance at kie.ai is used up for now: nothing was sent, so this was no
    // attempt. The generation keeps submitting, says it waits its turn, and the job comes back
    // when there is room.
    const held = await db.generation.updateMany({
      where: { id: g.id, ...STILL_SUBMITTING, submitStatus: "sending", callbackTokenHash: hash },
      data: { submitStatus: "held", submitAttempts: { decrement: 1 } },
    });
    if (held.count && g.submitStatus !== "held") {
      publishChange({ id: g.id, workspaceId: g.workspaceId, state: "submitting" });
    }
    return { rescheduleAt: new Date(Date.now() + (error.retryAfterMs ?? 1_000)) };
  }
  return refused(g, error, { attempt, counted: true, tasked: true }, "createTask refused");
}

/**
 * kie.ai refused a submission (its createTask, or the upload of an image before it): an answer
 * that may have started a task is written off as unknown, a passing refusal is tried again with
 * backoff, anything else ends the generation with kie.ai's reason.
 */
async function refused(
  g: { id: string; workspaceId: string },
  error: KieError,
  /**
   * Which attempt this was; whether it is already counted (createTask's are, as they start); and
   * whether createTask was called: only then may an answer that never came have started a task.
   */
  { attempt, counted, tasked }: { attempt: number; counted: boolean; tasked: boolean },
  what: string,
): Promise<JobOutcome> {
  logger.warn({ generation: g.id, attempt, kind: error.kind, code: error.code }, what);
  if (tasked && mayHaveBeenProcessed(error)) {
    await markError(g, {
      failCode: FAIL_CODE.noResponse,
      failMsg: UNKNOWN_OUTCOME,
      submitStatus: "unknown",
    });
    return;
  }
  // An upload that broke off started nothing: it is tried again like any passing refusal.
  const passing = error.retryable || (!tasked && mayHaveBeenProcessed(error));
  if (passing && attempt < MAX_SUBMIT_ATTEMPTS) {
    const queued = await db.generation.updateMany({
      where: { id: g.id, ...STILL_SUBMITTING },
      data: {
        submitStatus: "queued",
        failCode: failCodeFor(error),
        failMsg: error.message,
        ...(!counted && { submitAttempts: { increment: 1 } }),
      },
    });
    if (!queued.count) return;
    publishChange({ id: g.id, workspaceId: g.workspaceId, state: "submitting" });
    const wait = Math.max(backoffMs(attempt), error.retryAfterMs ?? 0);
    return { rescheduleAt: new Date(Date.now() + wait) };
  }
  await markError(g, {
    failCode: failCodeFor(error),
    failMsg: error.message,
    submitStatus: null,
  });
}
