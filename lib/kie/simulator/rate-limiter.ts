// A sliding window per API key. Requests over the limit are dropped, not queued, as kie.ai does.

export interface RateLimiter {
  /** Records a request and returns false when it is over the limit. */
  allow(key: string, limit: { max: number; windowMs: number }, now?: number): boolean;
  clear(): void;
}

export function createRateLimiter(): RateLimiter {
  const hits = new Map<string, number[]>();
  return {
    allow(key, limit, now = Date.now()) {
      const recent = (hits.get(key) ?? []).filter((t) => now - t < limit.windowMs);
      const allowed = recent.length < limit.max;
      if (allowed) recent.push(now);
      hits.set(key, recent);
      return allowed;
    },
    clear() {
      hits.clear();
    },
  };
}
