import "server-only";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { FAIL_CODE } from "@/lib/generations/fail-codes";
import { nextPollDelayMs } from "@/lib/generations/poll-schedule";
import { publishChange } from "@/lib/generations/publish";
import { advance, type GenerationState, isFinal } from "@/lib/generations/state-machine";
import { enqueue, removeJob } from "@/lib/jobs/jobs";
import type { JobOutcome } from "@/lib/jobs/types";
import type { KieTaskRecord } from "@/lib/kie/client";
import { isRecordNotReady } from "@/lib/kie/errors";
import { kieClientFor } from "@/lib/kie-account/kie-client-for";
import { logger } from "@/lib/logger";

export type SyncReason = "callback" | "poll";

// kie.ai finishes a Pro video in minutes; a task silent for a day is not coming back.
const GIVE_UP_AFTER_MS = 24 * 60 * 60 * 1000;

/** Ends the wait for a task kie.ai never finished: an error the person can see and retry. */
async function giveUp(
  g: { id: string; workspaceId: string },
  state: GenerationState,
): Promise<undefined> {
  const updated = await db.generation.updateMany({
    where: { id: g.id, state },
    data: {
      state: "error",
      failCode: FAIL_CODE.timedOut,
      failMsg: "kie.ai has not finished this video after 24 hours. Retry starts it again.",
      finishedAt: new Date(),
    },
  });
  if (updated.count) publishChange({ id: g.id, workspaceId: g.workspaceId, state: "error" });
  return undefined;
}

function providerFields(record: KieTaskRecord, next: GenerationState, reason: SyncReason) {
  const final = isFinal(next);
  return {
    state: next,
    providerCreatedAt: record.createTime,
    ...(final && {
      finishedAt: new Date(),
      finalSource: reason,
      providerCompletedAt: record.completeTime,
      providerCostMs: record.costTimeMs,
      credits: record.creditsConsumed ?? (next === "fail" ? 0 : null),
    }),
    ...(next === "success" && { resultUrl: record.resultUrls[0] ?? null, mediaState: "pending" }),
    ...(next === "fail" && {
      failCode: record.failCode ?? FAIL_CODE.failed,
      // Null when kie.ai gave no reason: a screen says "kie.ai couldn't make this video" itself.
      failMsg: record.failMsg,
    }),
  };
}

/**
 * The only writer of provider state. Reads the task from kie.ai (the truth; a callback is only
 * a signal) and moves the generation forward through the state machine. Runs as the reconciler's
 * poll, rescheduling itself on kie.ai's suggested schedule until the task ends, and right after
 * a callback.
 */
export async function syncGeneration(args: {
  generationId: string;
  reason: SyncReason;
  /** Credits the callback reported, used when recordInfo does not say. */
  creditsConsumed?: number | null;
}): Promise<JobOutcome> {
  const g = await db.generation.findUnique({
    where: { id: args.generationId },
    select: {
      id: true,
      workspaceId: true,
      state: true,
      providerTaskId: true,
      createdAt: true,
      submittedAt: true,
      deletedAt: true,
    },
  });
  if (!g?.providerTaskId || isFinal(g.state) || g.deletedAt) return;
  // The current attempt's age: a Retry days later is a new task, with its own day.
  const age = Date.now() - (g.submittedAt ?? g.createdAt).getTime();
  const later = () => ({
    rescheduleAt: new Date(Date.now() + nextPollDelayMs(age, env().RECONCILE_SCALE)),
  });

  const state = g.state as GenerationState;
  if (args.reason === "poll" && age > GIVE_UP_AFTER_MS) return giveUp(g, state);

  const result = await (await kieClientFor(g.workspaceId)).recordInfo(g.providerTaskId);
  if (!result.ok) {
    // The key's read allowance is used up for a moment: back when there is room, whatever the
    // reason, without counting as a failed run.
    if (result.error.heldBack) {
      return { rescheduleAt: new Date(Date.now() + (result.error.retryAfterMs ?? 1_000)) };
    }
    // A poll keeps trying on its schedule — kie.ai may not know a new task yet, be down, or
    // refuse a key an admin is about to fix — until the task is too old to wait for.
    if (args.reason === "poll") {
      if (!isRecordNotReady(result.error)) {
        logger.warn({ generation: g.id, kind: result.error.kind }, "recordInfo failed; polling on");
      }
      return later();
    }
    throw new Error(`recordInfo failed: ${result.error.kind} ${result.error.message}`);
  }
  const record = result.data;
  const next = advance(state, record.state);

  if (next) {
    const fields = providerFields(record, next, args.reason);
    if (fields.credits === null && args.creditsConsumed != null)
      fields.credits = args.creditsConsumed;
    const moved = await db.$transaction(async (tx) => {
      // Conditional on the state we read, so two syncs racing cannot both apply a change.
      const updated = await tx.generation.updateMany({
        where: { id: g.id, state },
        data: { ...fields, lastPolledAt: new Date(), pollCount: { increment: 1 } },
      });
      if (updated.count === 0) return false;
      await tx.providerEvent.create({
        data: {
          generationId: g.id,
          taskId: record.taskId,
          source: `sync-${args.reason}`,
          state: record.state,
          payload: JSON.stringify(record),
        },
      });
      if (next === "success") {
        await enqueue("store-media", { generationId: g.id }, { tx });
      }
      if (isFinal(next) && args.reason === "callback") {
        await removeJob("sync", { generationId: g.id, reason: "poll" }, tx);
      }
      return true;
    });
    if (moved) publishChange({ id: g.id, workspaceId: g.workspaceId, state: next });
    if (isFinal(next)) return;
  } else {
    await db.generation.update({
      where: { id: g.id },
      data: { lastPolledAt: new Date(), pollCount: { increment: 1 } },
    });
  }

  if (args.reason === "callback") {
    // kie.ai calls back when a task ends; if recordInfo does not agree yet, read again soon.
    if (!isFinal(record.state)) throw new Error(`callback received but task is ${record.state}`);
    return;
  }
  return later();
}
