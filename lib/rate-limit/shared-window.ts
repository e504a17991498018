import "server-only";
import { createHash } from "node:crypto";
import { db } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";

// No limit has a longer window, so rows unused for two of them hold nothing that still counts.
// A constant, not the longest limit seen: every server bundle, whichever limits it loaded, must
// prune alike.
const LONGEST_WINDOW_MS = 6 * 60 * 60_000;

/**
 * A sliding-window limit (two fixed windows, weighted) kept in the database, so every instance
 * counts against the same allowance. One hit is one statement: an upsert that moves the windows
 * on, estimates the use so far and counts the hit only when it is under the limit, so refused
 * attempts do not push the allowance further away. The arithmetic is in integers (everything
 * multiplied by the window's length), so both databases compute it alike. A window only moves
 * forward, so an instance whose clock is a little behind cannot reset another's counts.
 */
export class SharedWindowLimiter {
  constructor(
    readonly name: string,
    readonly limit: number,
    readonly windowMs: number,
    private readonly now: () => number = Date.now,
  ) {
    // Products of counts and milliseconds must stay within a 32-bit integer in PostgreSQL.
    if (!(limit >= 1 && Number.isInteger(limit) && Number.isInteger(windowMs))) {
      throw new Error(`rate limit ${name}: a whole limit of at least 1 and a whole window`);
    }
    if (2 * limit * windowMs >= 2 ** 31 || windowMs > LONGEST_WINDOW_MS) {
      throw new Error(`rate limit ${name}: window too long`);
    }
  }

  /** Records one event for `subject`; returns how long to wait when over the limit, else 0. */
  async hit(subject: string): Promise<number> {
    const now = this.now();
    const W = this.windowMs;
    const start = now - (now % W);
    // The previous window still counts with the weight (W - elapsed) / W.
    const weight = W - (now - start);
    const col = (name: string) => Prisma.raw(`"RateLimit"."${name}"`);
    const movedOn = Prisma.sql`${start} > ${col("windowStart")}`;
    const previous = Prisma.sql`CASE
        WHEN ${start} - ${col("windowStart")} >= ${2 * W} THEN 0
        WHEN ${movedOn} THEN ${col("current")}
        ELSE ${col("previous")} END`;
    const current = Prisma.sql`CASE WHEN ${movedOn} THEN 0 ELSE ${col("current")} END`;
    const hit = Prisma.sql`CASE
        WHEN (${previous}) * ${weight} + (${current}) * ${W} < ${this.limit * W} THEN 1
        ELSE 0 END`;
    const rows = await db.$queryRaw<{ allowed: number | bigint }[]>`
      INSERT INTO "RateLimit" ("key", "windowStart", "current", "previous", "allowed")
      VALUES (${this.key(subject)}, ${start}, 1, 0, 1)
      ON CONFLICT ("key") DO UPDATE SET
        "previous" = ${previous},
        "current" = (${current}) + (${hit}),
        "allowed" = ${hit},
        "windowStart" = CASE WHEN ${movedOn} THEN ${start} ELSE ${col("windowStart")} END
      RETURNING "allowed"`;
    pruneNowAndThen(now);
    return Number(rows[0]?.allowed) === 1 ? 0 : W - (now - start);
  }

  /** Gives back a hit that turned out not to count (a right password), if its window is on. */
  async refund(subject: string): Promise<void> {
    const now = this.now();
    await db.rateLimit.updateMany({
      where: {
        key: this.key(subject),
        windowStart: BigInt(now - (now % this.windowMs)),
        current: { gt: 0 },
      },
      data: { current: { decrement: 1 } },
    });
  }

  /**
   * The row's key: the subject (an address, an email) hashed, so the table holds no personal
   * data and a key has one short length whatever a client sends.
   */
  private key(subject: string): string {
    return `${this.name}:${createHash("sha256").update(subject).digest("base64url")}`;
  }
}

const PRUNE_EVERY_MS = 10 * 60_000;
let lastPrune = 0;

/** Deletes rows no limit counts any more, at most every ten minutes per process. */
export function pruneNowAndThen(now: number): void {
  if (now - lastPrune < PRUNE_EVERY_MS) return;
  lastPrune = now;
  void db.rateLimit
    .deleteMany({ where: { windowStart: { lt: BigInt(now - 2 * LONGEST_WINDOW_MS) } } })
    .catch(() => {
      // Tried again in ten minutes.
    });
}
