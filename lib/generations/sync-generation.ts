import "server-only";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { nextPollDelayMs } from "@/lib/generations/poll-schedule";
import { publishChange } from "@/lib/generations/publish";
import { advance, type GenerationState, isFinal } from "@/lib/generations/state-machine";
import { deleteJobsByKey, enqueueJob } from "@/lib/jobs/queue";
import type { JobOutcome } from "@/lib/jobs/worker";
import type { KieTaskRecord } from "@/lib/kie/client";
import { isRecordNotReady } from "@/lib/kie/errors";
import { kieClientFor } from "@/lib/kie-account/kie-client-for";

export type SyncReason = "callback" | "poll";

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
      failCode: record.failCode ?? "failed",
      failMsg: record.failMsg ?? "kie.ai could not generate this video",
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
    select: { id: true, workspaceId: true, state: true, providerTaskId: true, createdAt: true },
  });
  if (!g?.providerTaskId || isFinal(g.state)) return;
  const age = Date.now() - g.createdAt.getTime();
  const later = () => ({
    rescheduleAt: new Date(Date.now() + nextPollDelayMs(age, env().RECONCILE_SCALE)),
  });

  const result = await (await kieClientFor(g.workspaceId)).recordInfo(g.providerTaskId);
  if (!result.ok) {
    // Right after creation kie.ai may not know the task yet; a poll simply tries later.
    if (args.reason === "poll" && (isRecordNotReady(result.error) || result.error.retryable)) {
      return later();
    }
    throw new Error(`recordInfo failed: ${result.error.kind} ${result.error.message}`);
  }
  const record = result.data;
  const current = g.state as GenerationState;
  const next = advance(current, record.state);

  if (next) {
    const fields = providerFields(record, next, args.reason);
    if (fields.credits === null && args.creditsConsumed != null)
      fields.credits = args.creditsConsumed;
    const moved = await db.$transaction(async (tx) => {
      // Conditional on the state we read, so two syncs racing cannot both apply a change.
      const updated = await tx.generation.updateMany({
        where: { id: g.id, state: current },
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
        await enqueueJob(
          {
            kind: "store-media",
            dedupeKey: `store:${g.id}`,
            payload: { generationId: g.id },
            maxAttempts: 6,
          },
          tx,
        );
      }
      if (isFinal(next) && args.reason === "callback") await deleteJobsByKey(`poll:${g.id}`, tx);
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
