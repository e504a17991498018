/**
 * Counts events per key over a sliding window (two fixed windows, weighted), in memory. Cheap
 * enough to sit in front of every sign-in; per process, so N instances allow N times the limit.
 */
export class SlidingWindowLimiter {
  private readonly windows = new Map<
    string,
    { start: number; current: number; previous: number }
  >();

  constructor(
    readonly limit: number,
    readonly windowMs: number,
    private readonly now: () => number = Date.now,
  ) {}

  /** Records one event; returns how long to wait when it is over the limit, else 0. */
  hit(key: string): number {
    const now = this.now();
    const start = now - (now % this.windowMs);
    let w = this.windows.get(key);
    if (!w || start - w.start >= 2 * this.windowMs) w = { start, current: 0, previous: 0 };
    else if (start !== w.start) w = { start, current: 0, previous: w.current };
    const weight = 1 - (now - start) / this.windowMs;
    const estimate = w.previous * weight + w.current;
    if (estimate >= this.limit) {
      this.windows.set(key, w);
      return Math.ceil(this.windowMs - (now - start));
    }
    w.current++;
    this.windows.set(key, w);
    if (this.windows.size > 50_000) this.prune(now);
    return 0;
  }

  private prune(now: number): void {
    for (const [key, w] of this.windows)
      if (now - w.start >= 2 * this.windowMs) this.windows.delete(key);
  }
}
