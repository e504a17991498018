import "server-only";
import { db } from "@/lib/db";
import { deleteJobsByKey, enqueueJob, holdJob, type JobRow, type Tx } from "@/lib/jobs/queue";
import type { JobKind, JobPayload } from "@/lib/jobs/registry";
import { kickWorker, runJob } from "@/lib/jobs/worker";

// What domain code asks of the job queue, by kind and payload (lib/jobs/registry.ts says what
// each kind's key and limits are); how and where jobs run stays behind it.

export type HeldJob = JobRow;

/**
 * Queues a job of `kind` (`runAt` now unless given). Outside a transaction a job due now wakes
 * this process's worker at once; inside one the caller calls `wakeWorker` once it committed.
 */
export async function enqueue<K extends JobKind>(
  kind: K,
  payload: JobPayload<K>,
  opts: { runAt?: Date; tx?: Tx } = {},
): Promise<void> {
  await enqueueJob(kind, payload, { runAt: opts.runAt }, opts.tx ?? db);
  if (!opts.tx && (!opts.runAt || opts.runAt.getTime() <= Date.now())) kickWorker();
}

/**
 * Records a job held by this process in the caller's transaction, for the caller to run with
 * `runHeld` right after the commit: should the process die first, a worker finds it.
 */
export function hold<K extends JobKind>(kind: K, payload: JobPayload<K>, tx: Tx): Promise<HeldJob> {
  return holdJob(kind, payload, tx);
}

/** Runs a held job now, in this request, as the worker would. */
export function runHeld(job: HeldJob): Promise<void> {
  return runJob(job);
}

/** Removes the job of `kind` for that payload, whatever its state. */
export function removeJob<K extends JobKind>(
  kind: K,
  payload: JobPayload<K>,
  tx?: Tx,
): Promise<void> {
  return deleteJobsByKey(kind, payload, tx);
}

/** After a transaction that queued a job due now has committed: the worker takes it at once. */
export function wakeWorker(): void {
  kickWorker();
}
