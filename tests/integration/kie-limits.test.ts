import { randomUUID } from "node:crypto";
import { afterEach, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { kieAdmission } from "@/lib/kie-account/provider-limits";
import { SharedSlotLimiter } from "@/lib/rate-limit/shared-slots";
import { generate, newWorkspace, studio, waitFor } from "@/tests/support/studio";

// kie.ai admits about 20 new tasks per 10 s per account and about 10 reads per second per key,
// and drops what comes over. The studio counts both in the database (SQLite here, PostgreSQL in
// the second leg), so two limiters of one name stand for two instances of the studio.

afterEach(() => studio().sim.reset());

/** The most hits that fall within any `windowMs` starting at one of them. */
function busiestWindow(times: number[], windowMs: number): number {
  const sorted = [...times].sort((a, b) => a - b);
  let most = 0;
  for (let i = 0, j = 0; i < sorted.length; i++) {
    while (j < sorted.length && (sorted[j] as number) < (sorted[i] as number) + windowMs) j++;
    most = Math.max(most, j - i);
  }
  return most;
}

describe("the shared rolling-window limit", () => {
  it("two instances hitting at once never pass 20 in any 10 s, and use the whole allowance", async () => {
    const name = `t-create-${randomUUID().slice(0, 8)}`;
    let clock = 50_000_000;
    const instances = [1, 2].map(() => new SharedSlotLimiter(name, 20, 10_000, () => clock));
    const admitted: number[] = [];
    const refusedWaits: number[] = [];
    // 30 s of two instances each trying three tasks every half second, all at once.
    for (let step = 0; step < 60; step++) {
      clock += 500;
      const hits = instances.flatMap((limiter) => [0, 1, 2].map(() => limiter.hit("account")));
      for (const waitMs of await Promise.all(hits)) {
        if (waitMs === 0) admitted.push(clock);
        else refusedWaits.push(waitMs);
      }
    }
    expect(busiestWindow(admitted, 10_000)).toBe(20);
    // Each 10 s lets the full 20 through: 60 in 30 s, not half of it.
    expect(admitted.length).toBe(60);
    expect(Math.max(...refusedWaits)).toBeLessThanOrEqual(10_000);
    expect(Math.min(...refusedWaits)).toBeGreaterThan(0);
  });

  it("answers when the oldest hit leaves the window", async () => {
    let clock = 90_000_000;
    const limiter = new SharedSlotLimiter(`t-${randomUUID().slice(0, 8)}`, 3, 10_000, () => clock);
    for (const t of [0, 2_000, 4_000]) {
      clock = 90_000_000 + t;
      expect(await limiter.hit("k")).toBe(0);
    }
    clock = 90_000_000 + 6_000;
    expect(await limiter.hit("k")).toBe(4_000);
    clock = 90_000_000 + 10_000;
    expect(await limiter.hit("k")).toBe(0);
    expect(await limiter.hit("k")).toBe(2_000);
    // Another account has its own allowance.
    expect(await limiter.hit("other")).toBe(0);
  });

  it("keeps recordInfo reads of two instances to 10 in any second, waiting briefly for turns", async () => {
    const account = `reads-${randomUUID()}`;
    const instances = [kieAdmission(account), kieAdmission(account)];
    const admitted: number[] = [];
    let heldBack = 0;
    await Promise.all(
      Array.from({ length: 24 }, async (_, i) => {
        const admit = instances[i % 2] as (typeof instances)[number];
        if ((await admit("recordInfo")) === 0) admitted.push(Date.now());
        else heldBack++;
      }),
    );
    // The times are taken when each answer came back from the database, up to a round trip after
    // the slot was taken there; the limiter holds each slot 100 ms past the second for that same
    // skew, so the check allows it too.
    expect(busiestWindow(admitted, 900)).toBeLessThanOrEqual(10);
    expect(admitted.length + heldBack).toBe(24);
    // The first ten go at once; the rest wait their turn (up to two seconds), not fail at once.
    expect(admitted.length).toBeGreaterThan(10);
  });
});

describe("a burst of Generate presses", () => {
  it("25 at once: 20 sent now, the rest wait in 'submitting' and are sent when room frees", async () => {
    const { sim } = studio();
    // Failed tasks end quickly and leave no video to render: only the sending is measured here.
    sim.configure({ failTasks: true });
    const ctx = await newWorkspace();
    const created = [];
    for (let i = 0; i < 25; i++) created.push(await generate(ctx, `burst ${i}: a gull in wind`));

    const sentNow = created.filter((g) => g.state !== "submitting");
    const waiting = created.filter((g) => g.state === "submitting");
    expect(sentNow).toHaveLength(20);
    expect(waiting).toHaveLength(5);
    for (const g of waiting) {
      // Nothing the person should read as a problem: it waits its turn to be sent.
      expect(g).toMatchObject({ submitStatus: "held", failCode: null, failMsg: null });
    }

    const ids = created.map((g) => g.id);
    const rows = await waitFor(
      async () => {
        const sent = await db.generation.findMany({
          where: { id: { in: ids }, providerTaskId: { not: null } },
          select: { submittedAt: true, state: true, submitAttempts: true },
        });
        return sent.length === 25 ? sent : null;
      },
      { timeoutMs: 40_000, what: "all 25 generations to be sent" },
    );
    expect(rows.every((g) => g.state !== "error")).toBe(true);
    expect(rows.every((g) => g.submitAttempts === 1)).toBe(true);

    const stats = sim.stats();
    // kie.ai's own window (the simulator's) never had to refuse one.
    expect(stats.rateLimited).toBe(0);
    expect(stats.createTaskCalls).toBe(25);
    const res = await fetch(`${sim.url}/__sim/tasks`);
    const tasks = ((await res.json()) as { data: { prompt: string; createTime: number }[] }).data;
    const times = tasks.filter((t) => t.prompt.startsWith("burst ")).map((t) => t.createTime);
    expect(times).toHaveLength(25);
    expect(busiestWindow(times, 10_000)).toBe(20);
    expect(Math.max(...times) - Math.min(...times)).toBeGreaterThanOrEqual(10_000);
  });
});
