export interface RateLimiter {
  /** Resolves when the caller may send one request. */
  acquire(): Promise<void>;
}

export interface RateLimiterOptions {
  perSecond: number;
  now?: () => number;
  sleep?: (ms: number) => Promise<void>;
}

const WINDOW_MS = 1000;

/**
 * At most `perSecond` requests start in any rolling second. A classic token bucket with a
 * burst equal to its rate lets twice the rate through within one second (a full bucket, then
 * a refill), which is exactly what kie.ai's ~10/s per-key limit punishes.
 *
 * Slots are reserved synchronously, so concurrent callers never share one.
 */
export function createRateLimiter(opts: RateLimiterOptions): RateLimiter {
  const perSecond = Math.max(1, Math.floor(opts.perSecond));
  const now = opts.now ?? Date.now;
  const sleep = opts.sleep ?? defaultSleep;
  // Start times of the last `perSecond` reservations, oldest first (some may lie in the future).
  const recent: number[] = [];

  return {
    async acquire() {
      const t = now();
      const oldest = recent.length >= perSecond ? recent[recent.length - perSecond] : undefined;
      const slot = oldest === undefined ? t : Math.max(t, oldest + WINDOW_MS);
      recent.push(slot);
      if (recent.length > perSecond) recent.splice(0, recent.length - perSecond);
      if (slot > t) await sleep(slot - t);
    },
  };
}

export function defaultSleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
