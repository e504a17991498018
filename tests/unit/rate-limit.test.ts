import { describe, expect, it } from "vitest";
import { SlidingWindowLimiter } from "@/lib/rate-limit/sliding-window";

describe("the sliding-window rate limiter", () => {
  it("allows the limit, then refuses with the time to wait", () => {
    let now = 960_000; // the start of a window
    const limiter = new SlidingWindowLimiter(3, 60_000, () => now);
    expect([limiter.hit("a"), limiter.hit("a"), limiter.hit("a")]).toEqual([0, 0, 0]);
    const wait = limiter.hit("a");
    expect(wait).toBeGreaterThan(0);
    expect(wait).toBeLessThanOrEqual(60_000);
    // Another key has its own allowance.
    expect(limiter.hit("b")).toBe(0);
    now += 30_000;
    expect(limiter.hit("a")).toBeGreaterThan(0);
  });

  it("lets the allowance come back as the window slides", () => {
    let now = 0;
    const limiter = new SlidingWindowLimiter(10, 1000, () => now);
    for (let i = 0; i < 10; i++) expect(limiter.hit("k")).toBe(0);
    expect(limiter.hit("k")).toBeGreaterThan(0);
    now = 1500; // half of the previous window still counts: 5 used
    let allowed = 0;
    while (limiter.hit("k") === 0) allowed++;
    expect(allowed).toBe(5);
    now = 5000;
    expect(limiter.hit("k")).toBe(0);
  });

  it("does not count refused attempts against the future", () => {
    let now = 0;
    const limiter = new SlidingWindowLimiter(2, 1000, () => now);
    limiter.hit("x");
    limiter.hit("x");
    for (let i = 0; i < 100; i++) limiter.hit("x");
    now = 2000;
    expect(limiter.hit("x")).toBe(0);
  });
});
