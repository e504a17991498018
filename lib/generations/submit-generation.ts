import "server-only";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { callbackUrl, newCallbackToken } from "@/lib/generations/callback-token";
import { nextPollDelayMs } from "@/lib/generations/poll-schedule";
import { publishChange } from "@/lib/generations/publish";
import { enqueueJob } from "@/lib/jobs/queue";
import type { JobOutcome } from "@/lib/jobs/worker";
import type { KieError } from "@/lib/kie/errors";
import { kieClientFor } from "@/lib/kie-account/kie-client-for";
import { logger } from "@/lib/logger";

// About ten minutes of backing off before a submission kie.ai keeps refusing is given up.
const MAX_SUBMIT_ATTEMPTS = 8;
const RETRYABLE = new Set<KieError["kind"]>(["rate_limited", "maintenance", "server", "network"]);

const UNKNOWN_OUTCOME =
  "kie.ai did not answer, so it is unknown whether this video is being generated. If kie.ai " +
  "started it, it will appear here by itself; Retry submits it again (and may be charged twice).";

function backoffMs(attempt: number): number {
  return Math.min(5_000 * 2 ** (attempt - 1), 120_000) * (0.5 + Math.random() / 2);
}

async function markError(id: string, data: { failCode: string; failMsg: string; submitStatus: string | null }) {
  const g = await db.generation.update({
    where: { id },
    data: { state: "error", ...data },
    select: { id: true, workspaceId: true, state: true },
  });
  publishChange(g);
}

/**
 * Sends one submitting generation to kie.ai's createTask. Called inline by Generate and Retry,
 * and by the "submit" job that backs off after a rate limit or outage, or finds a submission a
 * crash interrupted. It never sends twice blindly: an attempt whose answer did not arrive is
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
      state: true,
      submitStatus: true,
      submitAttempts: true,
    },
  });
  if (!g || g.state !== "submitting") return;
  if (g.submitStatus === "sending") {
    // The process that was sending this died before recording kie.ai's answer.
    await markError(g.id, { failCode: "no_response", failMsg: UNKNOWN_OUTCOME, submitStatus: "unknown" });
    return;
  }

  const { token, hash } = newCallbackToken();
  const started = await db.generation.updateMany({
    where: { id: g.id, state: "submitting", submitStatus: g.submitStatus },
    data: { callbackTokenHash: hash, submitStatus: "sending", submitAttempts: { increment: 1 } },
  });
  if (started.count === 0) return;
  const attempt = g.submitAttempts + 1;

  const result = await kieClientFor(g.workspaceId).createTask({
    prompt: g.prompt,
    promptOptimizer: g.promptOptimizer,
    model: g.model,
    callBackUrl: callbackUrl(env().APP_URL, token),
  });

  if (result.ok) {
    const taskId = result.data.taskId;
    await db.$transaction(async (tx) => {
      await tx.generation.update({
        where: { id: g.id },
        data: { state: "waiting", providerTaskId: taskId, submitStatus: null, failCode: null, failMsg: null },
      });
      await tx.providerEvent.create({
        data: { generationId: g.id, taskId, source: "create", state: "waiting", payload: JSON.stringify(result.data) },
      });
      await enqueueJob(
        {
          kind: "sync",
          dedupeKey: `poll:${g.id}`,
          payload: { generationId: g.id, reason: "poll" },
          runAt: new Date(Date.now() + nextPollDelayMs(0, env().RECONCILE_SCALE)),
          maxAttempts: 50,
        },
        tx,
      );
    });
    logger.info({ generation: g.id, taskId, attempt }, "kie.ai task created");
    publishChange({ id: g.id, workspaceId: g.workspaceId, state: "waiting" });
    return;
  }

  const error = result.error;
  logger.warn({ generation: g.id, attempt, kind: error.kind, code: error.code }, "createTask refused");
  if (error.kind === "ambiguous") {
    await markError(g.id, { failCode: "no_response", failMsg: UNKNOWN_OUTCOME, submitStatus: "unknown" });
    return;
  }
  if (RETRYABLE.has(error.kind) && attempt < MAX_SUBMIT_ATTEMPTS) {
    const q = await db.generation.update({
      where: { id: g.id },
      data: { submitStatus: "queued", failCode: String(error.code ?? error.kind), failMsg: error.message },
      select: { id: true, workspaceId: true, state: true },
    });
    publishChange(q);
    return { rescheduleAt: new Date(Date.now() + backoffMs(attempt)) };
  }
  await markError(g.id, {
    failCode: String(error.code ?? error.kind),
    failMsg: error.message,
    submitStatus: null,
  });
}
