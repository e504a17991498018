import { describe, expect, it } from "vitest";
import { createRateLimiter } from "@/lib/kie/rate-limiter";

// A limiter whose sleeps are recorded, not waited: the start of each request is now + delay.
function simulated(perSecond: number) {
  let clock = 0;
  const starts: number[] = [];
  const limiter = createRateLimiter({
    perSecond,
    now: () => clock,
    sleep: async (ms) => {
      starts[starts.length - 1] = (starts.at(-1) ?? 0) + ms;
    },
  });
  return {
    at(time: number) {
      clock = time;
      starts.push(time);
      void limiter.acquire();
    },
    starts,
  };
}

function maxInAnySecond(starts: number[]): number {
  const sorted = [...starts].sort((a, b) => a - b);
  let max = 0;
  for (const [i, start] of sorted.entries()) {
    const inWindow = sorted.slice(i).filter((t) => t < start + 1000).length;
    max = Math.max(max, inWindow);
  }
  return max;
}

describe("read rate limiter", () => {
  it("lets a burst of the limit through, then one second per batch", () => {
    const sim = simulated(8);
    for (let i = 0; i < 20; i++) sim.at(0);
    expect(sim.starts).toEqual([
      ...Array(8).fill(0),
      ...Array(8).fill(1000),
      ...Array(4).fill(2000),
    ]);
  });

  it("never starts more than the limit in any rolling second, whatever the arrivals", () => {
    const sim = simulated(8);
    let t = 0;
    let seed = 7;
    for (let i = 0; i < 300; i++) {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      t += seed % 250;
      sim.at(t);
    }
    expect(maxInAnySecond(sim.starts)).toBeLessThanOrEqual(8);
    // and it does not over-throttle: steady arrivals under the limit are not delayed
    const steady = simulated(8);
    for (let i = 0; i < 50; i++) steady.at(i * 200);
    expect(steady.starts).toEqual(Array.from({ length: 50 }, (_, i) => i * 200));
  });

  it("gives concurrent callers distinct slots", async () => {
    const starts: number[] = [];
    const limiter = createRateLimiter({ perSecond: 20 });
    const began = performance.now();
    await Promise.all(
      Array.from({ length: 25 }, async () => {
        await limiter.acquire();
        starts.push(performance.now() - began);
      }),
    );
    const sorted = starts.sort((a, b) => a - b);
    expect(sorted.slice(0, 20).every((t) => t < 200)).toBe(true);
    expect(sorted.slice(20).every((t) => t >= 990)).toBe(true);
  });
});
