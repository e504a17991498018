import "server-only";
import { createHash } from "node:crypto";
import type { KieLimitedCall } from "@/lib/kie/client";
import { SharedSlotLimiter } from "@/lib/rate-limit/shared-slots";

// kie.ai's limits (docs.kie.ai, "Rate limits"; ../shared/kie-api.md): about 20 new generation
// requests per 10 s per account, refused with 429 and dropped (not queued) over that; about 10
// recordInfo reads per second per key. Counted in the database, so every instance of the studio
// shares one allowance. The studio knows keys, not accounts: each key counts as its own account.
//
// kie.ai counts a request when it arrives, the studio a little before it sends it; the margin
// keeps a slot taken long enough that two requests never reach kie.ai closer than its window.
const CREATE_TASKS = { limit: 20, windowMs: 10_000, marginMs: 500 };
const RECORD_READS = { limit: 10, windowMs: 1_000, marginMs: 100 };

const createTasks = new SharedSlotLimiter(
  "kie-create",
  CREATE_TASKS.limit,
  CREATE_TASKS.windowMs + CREATE_TASKS.marginMs,
);
const recordReads = new SharedSlotLimiter(
  "kie-read",
  RECORD_READS.limit,
  RECORD_READS.windowMs + RECORD_READS.marginMs,
);

// A read waits its turn this long at most: a second or two keeps a worker's slot busy briefly,
// and past that the caller reschedules rather than holding the slot.
const MAX_READ_WAIT_MS = 2_000;

/** Who kie.ai counts: the base URL and key, hashed, so no copy of the key is kept. */
export function kieAccountOf(baseUrl: string, apiKey: string): string {
  return createHash("sha256").update(`${baseUrl}\u0000${apiKey}`).digest("hex");
}

/**
 * The admission the kie.ai client asks before each counted request: 0 to send now, else how
 * long until there is room. A createTask is never waited for here — the submit job reschedules
 * itself — while a read waits briefly for its turn.
 */
export function kieAdmission(
  account: string,
  sleep: (ms: number) => Promise<void> = defaultSleep,
): (call: KieLimitedCall) => Promise<number> {
  return async (call) => {
    if (call === "createTask") return createTasks.hit(account);
    let waited = 0;
    for (;;) {
      const waitMs = await recordReads.hit(account);
      if (waitMs === 0) return 0;
      if (waited + waitMs > MAX_READ_WAIT_MS) return waitMs;
      // Jitter, so readers woken by the same freed slot do not all reach for it at once.
      const pause = waitMs + Math.floor(Math.random() * 25);
      await sleep(pause);
      waited += pause;
    }
  };
}

function defaultSleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
