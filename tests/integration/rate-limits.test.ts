import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { SharedWindowLimiter } from "@/lib/rate-limit/shared-window";

// The limits live in the database (a real SQLite file, or PostgreSQL in the second leg), so two
// limiters of one name stand for two instances of the studio.
const name = () => `test-${randomUUID().slice(0, 8)}`;

describe("the shared sliding-window rate limit", () => {
  it("allows the limit, then refuses with the time to wait; another subject has its own", async () => {
    let now = 960_000; // the start of a window
    const limiter = new SharedWindowLimiter(name(), 3, 60_000, () => now);
    expect([await limiter.hit("a"), await limiter.hit("a"), await limiter.hit("a")]).toEqual([
      0, 0, 0,
    ]);
    expect(await limiter.hit("a")).toBe(60_000);
    expect(await limiter.hit("b")).toBe(0);
    now += 30_000;
    expect(await limiter.hit("a")).toBe(30_000);
  });

  it("lets the allowance come back as the window slides, and refusals do not count", async () => {
    let now = 0;
    const limiter = new SharedWindowLimiter(name(), 10, 1000, () => now);
    for (let i = 0; i < 10; i++) expect(await limiter.hit("k")).toBe(0);
    for (let i = 0; i < 20; i++) expect(await limiter.hit("k")).toBeGreaterThan(0);
    now = 1500; // half of the previous window still counts: 5 used
    let allowed = 0;
    while ((await limiter.hit("k")) === 0) allowed++;
    expect(allowed).toBe(5);
    now = 5000; // two windows later nothing counts
    for (let i = 0; i < 10; i++) expect(await limiter.hit("k")).toBe(0);
  });

  it("is one allowance for every instance, also under concurrent hits", async () => {
    const shared = name();
    const now = () => 7_200_000;
    const a = new SharedWindowLimiter(shared, 10, 60_000, now);
    const b = new SharedWindowLimiter(shared, 10, 60_000, now);
    const waits = await Promise.all(
      Array.from({ length: 30 }, (_, i) => (i % 2 ? a : b).hit("203.0.113.9")),
    );
    expect(waits.filter((w) => w === 0)).toHaveLength(10);
    expect(await a.hit("203.0.113.9")).toBeGreaterThan(0);
    expect(await b.hit("198.51.100.7")).toBe(0);
  });

  it("gives a refunded hit back, in its own window only", async () => {
    let now = 960_000;
    const limiter = new SharedWindowLimiter(name(), 1, 60_000, () => now);
    expect(await limiter.hit("r")).toBe(0);
    await limiter.refund("r");
    expect(await limiter.hit("r")).toBe(0);
    expect(await limiter.hit("r")).toBeGreaterThan(0);
    now += 2 * 60_000;
    await limiter.refund("r"); // nothing of this window to give back
    expect(await limiter.hit("r")).toBe(0);
    expect(await limiter.hit("r")).toBeGreaterThan(0);
  });

  it("is not reset by an instance whose clock is a window behind", async () => {
    const shared = name();
    let now = 960_000;
    const ahead = new SharedWindowLimiter(shared, 2, 60_000, () => now);
    const behind = new SharedWindowLimiter(shared, 2, 60_000, () => now - 60_000);
    now += 60_000;
    await ahead.hit("x");
    await ahead.hit("x");
    expect(await behind.hit("x")).toBeGreaterThan(0);
    expect(await ahead.hit("x")).toBeGreaterThan(0);
  });

  it("keeps no address or email in the table, and takes a huge subject", async () => {
    const limiter = new SharedWindowLimiter(name(), 5, 60_000);
    const email = `someone-${randomUUID()}@example.com`;
    expect(await limiter.hit(email)).toBe(0);
    expect(await limiter.hit("x".repeat(20_000))).toBe(0);
    const keys = (await db.rateLimit.findMany({ select: { key: true } })).map((r) => r.key);
    expect(keys.some((k) => k.includes(email) || k.includes("someone-"))).toBe(false);
    expect(Math.max(...keys.map((k) => k.length))).toBeLessThan(100);
  });

  it("refuses limits its arithmetic cannot hold, or longer than pruning keeps", () => {
    expect(() => new SharedWindowLimiter("x", 0, 1000)).toThrow();
    expect(() => new SharedWindowLimiter("x", 1000, 24 * 60 * 60_000)).toThrow();
    expect(() => new SharedWindowLimiter("x", 1, 7 * 60 * 60_000)).toThrow();
  });

  // Last: its clock runs a day ahead, and the pruning it sets off clears older rows.
  it("keeps what a 6-hour window still counts when old rows are pruned", async () => {
    const SIX_HOURS = 6 * 60 * 60_000;
    let now = Math.ceil(Date.now() / SIX_HOURS) * SIX_HOURS + 4 * SIX_HOURS;
    const long = new SharedWindowLimiter(name(), 1, SIX_HOURS, () => now);
    expect(await long.hit("s")).toBe(0);
    now += SIX_HOURS / 2;
    // Any hit prunes, at most every ten minutes: this one is far past the last.
    await new SharedWindowLimiter(name(), 1, 60_000, () => now).hit("p");
    await new Promise((r) => setTimeout(r, 500));
    expect(await long.hit("s")).toBe(SIX_HOURS / 2);
  });
});
