import "server-only";
import { env } from "@/lib/env";
import {
  claimNextJob,
  completeJob,
  extendLease,
  failJob,
  type JobKind,
  type JobRow,
  rescheduleJob,
} from "@/lib/jobs/queue";
import { logger } from "@/lib/logger";
import { processSingleton } from "@/lib/process-singleton";

/** What a handler asks for next: nothing (done) or another run at a given time. */
export type JobOutcome = { rescheduleAt: Date } | undefined;
export interface JobContext {
  attempt: number;
  /** True on the try after which the job is given up: the handler records a final failure. */
  lastAttempt: boolean;
}
export type JobHandler = (payload: Record<string, unknown>, ctx: JobContext) => Promise<JobOutcome>;

const CONCURRENCY = 4;
// Downloads and posters take seconds; submissions and syncs take milliseconds and someone is
// watching for them. Slow jobs get at most this many of the slots, so a backlog of downloads
// never holds up a callback's sync.
const SLOW_KINDS = new Set<string>(["store-media"]);
const SLOW_SLOTS = 2;
const QUICK_KINDS: JobKind[] = ["submit", "sync"];

interface WorkerState {
  running: boolean;
  active: number;
  activeSlow: number;
  wake: (() => void) | null;
  /** A kick that came while the loop was busy claiming: it must not sleep after that claim. */
  kicked: boolean;
  handlers: Partial<Record<JobKind, JobHandler>>;
}

// One per process, so a route handler's kick reaches the worker started at boot.
function state(): WorkerState {
  return processSingleton<WorkerState>("worker", () => ({
    running: false,
    active: 0,
    activeSlow: 0,
    wake: null,
    kicked: false,
    handlers: {},
  }));
}

export function registerJobHandlers(handlers: Partial<Record<JobKind, JobHandler>>): void {
  Object.assign(state().handlers, handlers);
}

/** Wakes the worker now instead of at its next poll, e.g. right after a callback. */
export function kickWorker(): void {
  const s = state();
  s.kicked = true;
  s.wake?.();
}

export async function runJob(
  job: JobRow,
  handler: JobHandler | undefined = state().handlers[job.kind as JobKind],
): Promise<void> {
  if (!handler) {
    await failJob(job, `no handler for job kind ${job.kind}`);
    return;
  }
  // Renewed well before it runs out, so no other worker takes over a run that is still going.
  const heartbeat = setInterval(
    () => void extendLease(job).catch(() => {}),
    Math.max(env().JOB_LEASE_MS / 3, 1000),
  );
  try {
    const outcome = await handler(JSON.parse(job.payload) as Record<string, unknown>, {
      attempt: job.attempts,
      lastAttempt: job.attempts >= job.maxAttempts,
    });
    if (outcome?.rescheduleAt) await rescheduleJob(job, outcome.rescheduleAt);
    else await completeJob(job);
  } catch (e) {
    const message = e instanceof Error ? e.message : String(e);
    const result = await failJob(job, message);
    logger.warn(
      { job: job.id, kind: job.kind, attempts: job.attempts, result, err: message },
      "job failed",
    );
  } finally {
    clearInterval(heartbeat);
  }
}

async function loop(): Promise<void> {
  const s = state();
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
    if (job) {
      const slow = SLOW_KINDS.has(job.kind);
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

/** Starts the in-process worker once; jobs live in the database, so a restart resumes them. */
export function startWorker(): void {
  const s = state();
  if (s.running) return;
  s.running = true;
  void loop();
  logger.info({ concurrency: CONCURRENCY }, "job worker started");
}

export async function stopWorker(): Promise<void> {
  const s = state();
  s.running = false;
  kickWorker();
  while (s.active > 0) await new Promise((r) => setTimeout(r, 50));
}
