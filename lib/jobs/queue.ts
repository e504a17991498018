import "server-only";
import { randomUUID } from "node:crypto";
import { db, dbProvider } from "@/lib/db";
import { env } from "@/lib/env";
import { Prisma } from "@/lib/generated/prisma/client";
import type { PrismaClient as PgPrismaClient } from "@/lib/generated/prisma-pg/client";
import { type JobKind, type JobPayload, jobDefinition } from "@/lib/jobs/registry";

export interface JobRow {
  id: string;
  kind: string;
  payload: string;
  attempts: number;
  maxAttempts: number;
  dedupeKey: string | null;
  /** Who holds this run of the job: every later write about the run must match it. */
  lockedBy: string | null;
}

export type Tx = Prisma.TransactionClient;

const WORKER_ID = `${process.pid}-${randomUUID().slice(0, 8)}`;

/** A token for one run of one job, so a run that outlived its lease cannot finish another's. */
function newLockToken(): string {
  return `${WORKER_ID}:${randomUUID().slice(0, 8)}`;
}

const jobSelect = {
  id: true,
  kind: true,
  payload: true,
  attempts: true,
  maxAttempts: true,
  dedupeKey: true,
  lockedBy: true,
} as const;

/** A job's row as its kind's definition makes it: the payload checked, its key and limits. */
function jobFields<K extends JobKind>(kind: K, payload: JobPayload<K>) {
  const def = jobDefinition(kind);
  if (!def) throw new Error(`unknown job kind ${kind}`);
  const parsed = def.payload.parse(payload);
  return {
    kind,
    payload: JSON.stringify(parsed),
    dedupeKey: def.key(parsed),
    maxAttempts: def.maxAttempts(parsed),
  };
}

/**
 * Records a job. There is at most one pending job per key: enqueueing again only brings an idle
 * one forward (or revives one that had been given up), so five duplicate callbacks cause one
 * sync.
 */
export async function enqueueJob<K extends JobKind>(
  kind: K,
  payload: JobPayload<K>,
  opts: { runAt?: Date } = {},
  tx: Tx = db,
): Promise<void> {
  const runAt = opts.runAt ?? new Date();
  const data = { ...jobFields(kind, payload), runAt };
  const bringForward = () =>
    tx.job.updateMany({
      where: {
        dedupeKey: data.dedupeKey,
        OR: [{ runAt: { gt: runAt } }, { failedAt: { not: null } }],
        AND: [{ OR: [{ lockedUntil: null }, { lockedUntil: { lt: new Date() } }] }],
      },
      data: { runAt, payload: data.payload, failedAt: null, attempts: 0 },
    });
  // The insert goes first and the unique index tells a repeat apart, so the usual case — a
  // task's first callback — costs one round trip. A pending (or running) job is only moved.
  if (!(await insertUnlessKeyed(data, tx))) await bringForward();
}

/** Inserts the job unless one with its dedupeKey exists; true when it was inserted. */
async function insertUnlessKeyed(data: Prisma.JobCreateInput, tx: Tx): Promise<boolean> {
  if (dbProvider() === "postgresql") {
    // ON CONFLICT DO NOTHING: no unique violation to log, and none to abort the caller's
    // transaction.
    const pg = tx as unknown as PgPrismaClient;
    return (await pg.job.createMany({ data: [data], skipDuplicates: true })).count === 1;
  }
  // SQLite undoes only the failed statement, not the transaction around it.
  try {
    await tx.job.create({ data });
    return true;
  } catch (e) {
    if (isUniqueViolation(e)) return false;
    throw e;
  }
}

function isUniqueViolation(e: unknown): boolean {
  return e instanceof Prisma.PrismaClientKnownRequestError && e.code === "P2002";
}

/**
 * Records a job already held by the caller, inside the caller's transaction, so the work and
 * the row that needs it are committed together; the caller runs it right after.
 */
export async function holdJob<K extends JobKind>(
  kind: K,
  payload: JobPayload<K>,
  tx: Tx,
): Promise<JobRow> {
  const fields = jobFields(kind, payload);
  const lock = { lockedBy: newLockToken(), lockedUntil: new Date(Date.now() + env().JOB_LEASE_MS) };
  return tx.job.upsert({
    where: { dedupeKey: fields.dedupeKey },
    create: { ...fields, attempts: 1, ...lock },
    update: { ...lock, runAt: new Date(), attempts: 1, failedAt: null },
    select: jobSelect,
  });
}

// PostgreSQL: one statement that skips rows another instance is claiming right now, so N
// instances share the queue without waiting on each other or taking a job twice.
async function claimNextJobPostgres(
  now: Date,
  kinds: JobKind[] | undefined,
): Promise<JobRow | null> {
  const onlyKinds = kinds ? Prisma.sql`AND "kind" = ANY(${kinds})` : Prisma.empty;
  const rows = await db.$queryRaw<JobRow[]>`
    UPDATE "Job" SET "lockedBy" = ${newLockToken()},
      "lockedUntil" = ${new Date(now.getTime() + env().JOB_LEASE_MS)},
      "attempts" = "attempts" + 1
    WHERE "id" = (
      SELECT "id" FROM "Job"
      WHERE "runAt" <= ${now} AND "failedAt" IS NULL
        AND ("lockedUntil" IS NULL OR "lockedUntil" < ${now}) ${onlyKinds}
      ORDER BY "runAt" FOR UPDATE SKIP LOCKED LIMIT 1)
    RETURNING "id", "kind", "payload", "attempts", "maxAttempts", "dedupeKey", "lockedBy"`;
  return rows[0] ?? null;
}

/**
 * Takes the next due job (of `kinds`, when given), if any. Safe with several workers: a job is
 * claimed by one.
 */
export async function claimNextJob(
  args: { kinds?: JobKind[]; now?: Date } = {},
): Promise<JobRow | null> {
  const now = args.now ?? new Date();
  if (dbProvider() === "postgresql") return claimNextJobPostgres(now, args.kinds);
  // SQLite has one writer at a time; a conditional update is the claim.
  const candidates = await db.job.findMany({
    where: {
      runAt: { lte: now },
      failedAt: null,
      OR: [{ lockedUntil: null }, { lockedUntil: { lt: now } }],
      ...(args.kinds && { kind: { in: args.kinds } }),
    },
    orderBy: { runAt: "asc" },
    take: 5,
    select: { id: true },
  });
  for (const { id } of candidates) {
    const token = newLockToken();
    const claimed = await db.job.updateMany({
      where: { id, failedAt: null, OR: [{ lockedUntil: null }, { lockedUntil: { lt: now } }] },
      data: {
        lockedBy: token,
        lockedUntil: new Date(now.getTime() + env().JOB_LEASE_MS),
        attempts: { increment: 1 },
      },
    });
    if (claimed.count === 1) return db.job.findUnique({ where: { id }, select: jobSelect });
  }
  return null;
}

/**
 * Keeps a long run's claim alive (a download of a large video can outlast one lease). False when
 * the row is no longer this run's: another worker took it over after the lease ran out, or the
 * job was removed.
 */
export async function extendLease(job: JobRow): Promise<boolean> {
  const extended = await db.job.updateMany({
    where: { id: job.id, lockedBy: job.lockedBy },
    data: { lockedUntil: new Date(Date.now() + env().JOB_LEASE_MS) },
  });
  return extended.count === 1;
}

/**
 * Gives a claimed job back unrun (or its run cut short by a shutdown): due at once for any
 * worker, and the try not counted, since nothing failed.
 */
export async function releaseJob(job: JobRow): Promise<void> {
  await db.job.updateMany({
    where: { id: job.id, lockedBy: job.lockedBy },
    data: { lockedBy: null, lockedUntil: null, attempts: { decrement: 1 } },
  });
}

export async function completeJob(job: JobRow): Promise<void> {
  await db.job.deleteMany({ where: { id: job.id, lockedBy: job.lockedBy } });
}

/** Runs the same job again later, e.g. the reconciler's next poll. Attempts restart. */
export async function rescheduleJob(job: JobRow, runAt: Date): Promise<void> {
  await db.job.updateMany({
    where: { id: job.id, lockedBy: job.lockedBy },
    data: { runAt, lockedBy: null, lockedUntil: null, attempts: 0, lastError: null },
  });
}

/** A failed try: backs off with jitter, or gives up after maxAttempts and keeps the row. */
export async function failJob(job: JobRow, error: string): Promise<"retry" | "dead"> {
  const dead = job.attempts >= job.maxAttempts;
  const backoff = Math.min(2 ** job.attempts * 1000, 5 * 60_000) * (0.5 + Math.random() / 2);
  await db.job.updateMany({
    where: { id: job.id, lockedBy: job.lockedBy },
    data: {
      lastError: error.slice(0, 1000),
      lockedBy: null,
      lockedUntil: null,
      ...(dead ? { failedAt: new Date() } : { runAt: new Date(Date.now() + backoff) }),
    },
  });
  return dead ? "dead" : "retry";
}

/** Removes the job of that kind and payload's key, pending, running or given up. */
export async function deleteJobsByKey<K extends JobKind>(
  kind: K,
  payload: JobPayload<K>,
  tx: Tx = db,
): Promise<void> {
  await tx.job.deleteMany({ where: { dedupeKey: jobFields(kind, payload).dedupeKey } });
}
