import "server-only";
import { env } from "@/lib/env";
import {
  claimNextJob,
  completeJob,
  extendLease,
  failJob,
  type JobRow,
  releaseJob,
  rescheduleJob,
} from "@/lib/jobs/queue";
import { jobDefinition, QUICK_KINDS } from "@/lib/jobs/registry";
import { logger } from "@/lib/logger";
import { processSingleton } from "@/lib/process-singleton";

const CONCURRENCY = 4;
// Downloads and posters take seconds; submissions and syncs take milliseconds and someone is
// watching for them. Slow jobs get at most this many of the slots, so a backlog of downloads
// never holds up a callback's sync.
const SLOW_SLOTS = 2;

/** One run of one job in this process: the worker's, or a held job run inline by a request. */
interface Run {
  job: JobRow;
  abort: AbortController;
}

interface WorkerState {
  running: boolean;
  /** The claiming loop while it lives; stopping waits for it, claim in flight included. */
  loop: Promise<void> | null;
  active: number;
  activeSlow: number;
  runs: Set<Run>;
  wake: (() => void) | null;
  /** A kick that came while the loop was busy claiming: it must not sleep after that claim. */
  kicked: boolean;
}

// One per process, so a route handler's kick reaches the worker started at boot.
function state(): WorkerState {
  return processSingleton<WorkerState>("worker", () => ({
    running: false,
    loop: null,
    active: 0,
    activeSlow: 0,
    runs: new Set(),
    wake: null,
    kicked: false,
  }));
}

export class LeaseLostError extends Error {
  constructor() {
    super("the job's lease went to another worker");
    this.name = "LeaseLostError";
  }
}

export class ShutdownError extends Error {
  constructor() {
    super("the server is shutting down; the job was released");
    this.name = "ShutdownError";
  }
}

/** Wakes the worker now instead of at its next poll, e.g. right after a callback. */
export function kickWorker(): void {
  const s = state();
  s.kicked = true;
  s.wake?.();
}

/**
 * Runs one claimed (or held) job with its kind's handler, keeping its lease alive meanwhile.
 * The handler's signal fires when the lease turns out to be lost, so a run another worker has
 * taken over stops instead of doing the same work twice.
 */
export async function runJob(job: JobRow): Promise<void> {
  const def = jobDefinition(job.kind);
  if (!def) {
    await failJob(job, `no handler for job kind ${job.kind}`);
    return;
  }
  const s = state();
  const run: Run = { job, abort: new AbortController() };
  s.runs.add(run);
  // Renewed well before it runs out, so no other worker takes over a run that is still going.
  const heartbeat = setInterval(
    () =>
      void extendLease(job)
        .then((held) => {
          if (!held) run.abort.abort(new LeaseLostError());
        })
        // The database may be briefly unreachable: the lease is tried again next beat.
        .catch(() => {}),
    Math.max(env().JOB_LEASE_MS / 3, 1000),
  );
  try {
    const outcome = await def.run(def.payload.parse(JSON.parse(job.payload)), {
      attempt: job.attempts,
      lastAttempt: job.attempts >= job.maxAttempts,
      signal: run.abort.signal,
    });
    // Every write below is conditional on the run still holding the job, so a run that lost it
    // (or was released) records nothing.
    if (outcome?.rescheduleAt) await rescheduleJob(job, outcome.rescheduleAt);
    else await completeJob(job);
  } catch (e) {
    const message = e instanceof Error ? e.message : String(e);
    if (run.abort.signal.aborted) {
      logger.info(
        { job: job.id, kind: job.kind, reason: String(run.abort.signal.reason) },
        "job run stopped",
      );
    } else {
      const result = await failJob(job, message);
      logger.warn(
        { job: job.id, kind: job.kind, attempts: job.attempts, result, err: message },
        "job failed",
      );
    }
  } finally {
    clearInterval(heartbeat);
    s.runs.delete(run);
  }
}

async function loop(s: WorkerState): Promise<void> {
  while (s.running) {
    let job: JobRow | null = null;
    s.kicked = false;
    if (s.active < CONCURRENCY) {
      try {
        job = await claimNextJob(s.activeSlow >= SLOW_SLOTS ? { kinds: QUICK_KINDS } : {});
      } catch (e) {
        // The database may be briefly unavailable; the loop must outlive that.
        logger.error({ err: e }, "job claim failed");
      }
    }
    if (job && !s.running) {
      // Stopped while this claim was on its way: the job goes back untouched.
      await releaseJob(job).catch((e: unknown) => logger.error({ err: e }, "job release failed"));
      break;
    }
    if (job) {
      const slow = jobDefinition(job.kind)?.slow ?? false;
      s.active++;
      if (slow) s.activeSlow++;
      void runJob(job).finally(() => {
        s.active--;
        if (slow) s.activeSlow--;
        kickWorker();
      });
      continue;
    }
    if (s.kicked) continue;
    await new Promise<void>((resolve) => {
      const timer = setTimeout(done, env().JOB_POLL_MS);
      function done() {
        clearTimeout(timer);
        s.wake = null;
        resolve();
      }
      s.wake = done;
    });
  }
}

function startLoop(s: WorkerState): void {
  s.loop = loop(s).finally(() => {
    s.loop = null;
    // Started again while this loop was finishing its last claim.
    if (s.running) startLoop(s);
  });
}

/** Starts the in-process worker once; jobs live in the database, so a restart resumes them. */
export function startWorker(): void {
  const s = state();
  if (s.running) return;
  s.running = true;
  if (!s.loop) startLoop(s);
  logger.info({ concurrency: CONCURRENCY }, "job worker started");
}

/** Stops claiming: returns once no claim is on its way (a job it brings back is released). */
async function stopClaiming(s: WorkerState): Promise<void> {
  s.running = false;
  kickWorker();
  await s.loop;
}

/** Stops the worker and waits for the jobs it is running. */
export async function stopWorker(): Promise<void> {
  const s = state();
  await stopClaiming(s);
  while (s.active > 0) await new Promise((r) => setTimeout(r, 50));
}

/**
 * For a shutdown: stops claiming, lets the runs in this process (the worker's and requests'
 * inline submissions) finish within `graceMs`, then stops the rest and gives their jobs back
 * with their lease cleared, so another instance, or this one's next start, takes them at once
 * instead of waiting out the lease.
 */
export async function drainWorker({ graceMs }: { graceMs: number }): Promise<void> {
  const s = state();
  const deadline = Date.now() + graceMs;
  await stopClaiming(s);
  while (s.runs.size > 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
  const left = [...s.runs];
  for (const run of left) run.abort.abort(new ShutdownError());
  await Promise.all(
    left.map((run) =>
      releaseJob(run.job).catch((e: unknown) =>
        logger.error({ err: e, job: run.job.id }, "job release failed"),
      ),
    ),
  );
  if (left.length) logger.info({ released: left.length }, "unfinished jobs released");
}
