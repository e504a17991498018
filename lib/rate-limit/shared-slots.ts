import "server-only";
import { createHash } from "node:crypto";
import { db } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import { pruneNowAndThen } from "@/lib/rate-limit/shared-window";

// A few rounds are enough: a round is lost only to another instance taking the same slot.
const MAX_ROUNDS = 6;
const RACE_BACKOFF_MS = 20;

/**
 * An exact rolling-window limit kept in the database: at most `limit` hits in any `windowMs`,
 * counted across every instance. SharedWindowLimiter's weighted windows are an estimate that
 * lets up to twice the limit through around a window's edge; that is fine for people, not for a
 * provider that refuses (and drops) the request over its limit.
 *
 * The allowance is `limit` rows of the RateLimit table, each holding when it was last taken
 * (`windowStart`). A hit takes a row last taken at least `windowMs` ago, in one conditional
 * UPDATE: when two instances reach for the same row, the database lets one through and the
 * other finds the row taken and tries another.
 */
export class SharedSlotLimiter {
  constructor(
    readonly name: string,
    readonly limit: number,
    readonly windowMs: number,
    private readonly now: () => number = Date.now,
  ) {
    if (!(limit >= 1 && limit <= 100 && Number.isInteger(limit) && Number.isInteger(windowMs))) {
      throw new Error(`rate limit ${name}: a whole limit from 1 to 100 and a whole window`);
    }
  }

  /** Takes one hit for `subject`; returns 0 when taken, else how long until one is free. */
  async hit(subject: string): Promise<number> {
    const keys = this.keys(subject);
    for (let round = 0; round < MAX_ROUNDS; round++) {
      const now = this.now();
      const cut = now - this.windowMs;
      const taken = await db.$queryRaw<{ key: string }[]>`
        UPDATE "RateLimit" SET "windowStart" = ${now}, "allowed" = 1
        WHERE "key" = (
          SELECT "key" FROM "RateLimit"
          WHERE "key" IN (${Prisma.join(keys)}) AND "windowStart" <= ${cut}
          ORDER BY "windowStart" LIMIT 1)
        AND "windowStart" <= ${cut}
        RETURNING "key"`;
      pruneNowAndThen(now);
      if (taken.length > 0) return 0;

      const [seen] = await db.$queryRaw<{ slots: number | bigint; oldest: number | bigint }[]>`
        SELECT COUNT(*) AS "slots", MIN("windowStart") AS "oldest"
        FROM "RateLimit" WHERE "key" IN (${Prisma.join(keys)})`;
      if (Number(seen?.slots ?? 0) < this.limit) {
        await this.createSlots(keys);
        continue;
      }
      const freeAt = Number(seen?.oldest) + this.windowMs;
      if (freeAt > now) return freeAt - now;
      // A slot was free but another instance took it first: look again.
    }
    return RACE_BACKOFF_MS;
  }

  // Slots start as taken long ago; pruned ones (unused for hours) come back the same way.
  private async createSlots(keys: string[]): Promise<void> {
    const rows = keys.map((key) => Prisma.sql`(${key}, 0, 0, 0, 0)`);
    await db.$executeRaw`
      INSERT INTO "RateLimit" ("key", "windowStart", "current", "previous", "allowed")
      VALUES ${Prisma.join(rows)}
      ON CONFLICT ("key") DO NOTHING`;
  }

  // The subject hashed, so the table holds no copy of whatever identifies it.
  private keys(subject: string): string[] {
    const hash = createHash("sha256").update(subject).digest("base64url");
    return Array.from({ length: this.limit }, (_, i) => `${this.name}:${hash}:${i}`);
  }
}
