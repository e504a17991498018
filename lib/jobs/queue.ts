import "server-only";
import { randomUUID } from "node:crypto";
import { db, dbProvider } from "@/lib/db";
import { env } from "@/lib/env";
import { Prisma } from "@/lib/generated/prisma/client";

export type JobKind = "submit" | "sync" | "store-media";

export interface JobRow {
  id: string;
  kind: string;
  payload: string;
  attempts: number;
  maxAttempts: number;
  dedupeKey: string | null;
}

type Tx = Prisma.TransactionClient;

export const WORKER_ID = `${process.pid}-${randomUUID().slice(0, 8)}`;

/**
 * Records a job. With a dedupeKey there is at most one pending job per key: enqueueing again
 * only brings an idle one forward, so five duplicate callbacks cause one sync.
 */
export async function enqueueJob(
  args: {
    kind: JobKind;
    payload: Record<string, unknown>;
    runAt?: Date;
    dedupeKey?: string;
    maxAttempts?: number;
    /** Hold the job for this process while it runs the work inline right away. */
    lockForMs?: number;
  },
  tx: Tx = db,
): Promise<void> {
  const runAt = args.runAt ?? new Date();
  const data = {
    kind: args.kind,
    payload: JSON.stringify(args.payload),
    runAt,
    dedupeKey: args.dedupeKey ?? null,
    maxAttempts: args.maxAttempts ?? 10,
    ...(args.lockForMs && {
      lockedBy: WORKER_ID,
      lockedUntil: new Date(Date.now() + args.lockForMs),
    }),
  };
  if (!args.dedupeKey) {
    await tx.job.create({ data });
    return;
  }
  const moved = await tx.job.updateMany({
    where: {
      dedupeKey: args.dedupeKey,
      runAt: { gt: runAt },
      OR: [{ lockedUntil: null }, { lockedUntil: { lt: new Date() } }],
    },
    data: { runAt, payload: data.payload, failedAt: null },
  });
  if (moved.count > 0) return;
  try {
    await tx.job.create({ data });
  } catch (e) {
    // Already pending (or running, in which case it reads the newest state anyway).
    if (!(e instanceof Prisma.PrismaClientKnownRequestError && e.code === "P2002")) throw e;
  }
}

// PostgreSQL: one statement that skips rows another instance is claiming right now, so N
// instances share the queue without waiting on each other or taking a job twice.
async function claimNextJobPostgres(now: Date): Promise<JobRow | null> {
  const rows = await db.$queryRaw<JobRow[]>`
    UPDATE "Job" SET "lockedBy" = ${WORKER_ID},
      "lockedUntil" = ${new Date(now.getTime() + env().JOB_LEASE_MS)},
      "attempts" = "attempts" + 1
    WHERE "id" = (
      SELECT "id" FROM "Job"
      WHERE "runAt" <= ${now} AND "failedAt" IS NULL
        AND ("lockedUntil" IS NULL OR "lockedUntil" < ${now})
      ORDER BY "runAt" FOR UPDATE SKIP LOCKED LIMIT 1)
    RETURNING "id", "kind", "payload", "attempts", "maxAttempts", "dedupeKey"`;
  return rows[0] ?? null;
}

/** Takes the next due job, if any. Safe with several workers: a job is claimed by one. */
export async function claimNextJob(now = new Date()): Promise<JobRow | null> {
  if (dbProvider() === "postgresql") return claimNextJobPostgres(now);
  // SQLite has one writer at a time; a conditional update is the claim.
  const candidates = await db.job.findMany({
    where: {
      runAt: { lte: now },
      failedAt: null,
      OR: [{ lockedUntil: null }, { lockedUntil: { lt: now } }],
    },
    orderBy: { runAt: "asc" },
    take: 5,
    select: { id: true },
  });
  for (const { id } of candidates) {
    const claimed = await db.job.updateMany({
      where: { id, failedAt: null, OR: [{ lockedUntil: null }, { lockedUntil: { lt: now } }] },
      data: {
        lockedBy: WORKER_ID,
        lockedUntil: new Date(now.getTime() + env().JOB_LEASE_MS),
        attempts: { increment: 1 },
      },
    });
    if (claimed.count === 1) {
      return db.job.findUnique({
        where: { id },
        select: {
          id: true,
          kind: true,
          payload: true,
          attempts: true,
          maxAttempts: true,
          dedupeKey: true,
        },
      });
    }
  }
  return null;
}

export async function completeJob(id: string): Promise<void> {
  await db.job.deleteMany({ where: { id, lockedBy: WORKER_ID } });
}

/** Runs the same job again later, e.g. the reconciler's next poll. Attempts restart. */
export async function rescheduleJob(id: string, runAt: Date): Promise<void> {
  await db.job.updateMany({
    where: { id, lockedBy: WORKER_ID },
    data: { runAt, lockedBy: null, lockedUntil: null, attempts: 0, lastError: null },
  });
}

/** A failed try: backs off with jitter, or gives up after maxAttempts and keeps the row. */
export async function failJob(job: JobRow, error: string): Promise<"retry" | "dead"> {
  const dead = job.attempts >= job.maxAttempts;
  const backoff = Math.min(2 ** job.attempts * 1000, 5 * 60_000) * (0.5 + Math.random() / 2);
  await db.job.updateMany({
    where: { id: job.id, lockedBy: WORKER_ID },
    data: {
      lastError: error.slice(0, 1000),
      lockedBy: null,
      lockedUntil: null,
      ...(dead ? { failedAt: new Date() } : { runAt: new Date(Date.now() + backoff) }),
    },
  });
  return dead ? "dead" : "retry";
}

export async function deleteJobsByKey(dedupeKey: string, tx: Tx = db): Promise<void> {
  await tx.job.deleteMany({ where: { dedupeKey } });
}
