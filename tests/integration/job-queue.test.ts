import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { enqueue } from "@/lib/jobs/jobs";

// The queue's dedupe, straight against the database (SQLite here, PostgreSQL in the other leg).
// A far-future runAt keeps the worker of this test studio away from these rows; a generation
// id no row has gives each test keys of its own (a sync's key is its reason and generation).
const later = (minutes: number) => new Date(Date.now() + minutes * 60_000);

describe("enqueueing a job with a dedupe key", () => {
  it("keeps one job per key, and a repeat only brings it forward", async () => {
    const payload = { generationId: randomUUID(), reason: "poll" } as const;
    const key = `poll:${payload.generationId}`;
    await enqueue("sync", payload, { runAt: later(60) });
    await enqueue("sync", payload, { runAt: later(90) });
    const rows = await db.job.findMany({ where: { dedupeKey: key } });
    expect(rows).toHaveLength(1);
    expect(rows[0]?.runAt.getTime()).toBeLessThan(later(61).getTime());
    await enqueue("sync", payload, { runAt: later(30) });
    const moved = await db.job.findUniqueOrThrow({ where: { dedupeKey: key } });
    expect(moved.runAt.getTime()).toBeLessThan(later(31).getTime());
    await db.job.deleteMany({ where: { dedupeKey: key } });
  });

  it("inside a transaction, a repeat neither fails nor undoes the transaction's other writes", async () => {
    const payload = { generationId: randomUUID(), reason: "poll" } as const;
    const key = `poll:${payload.generationId}`;
    await enqueue("sync", payload, { runAt: later(60) });
    const other = { generationId: randomUUID() };
    const marker = `store:${other.generationId}`;
    await db.$transaction(async (tx) => {
      await enqueue("sync", payload, { runAt: later(30), tx });
      await enqueue("sync", payload, { runAt: later(90), tx });
      await enqueue("store-media", other, { runAt: later(60), tx });
    });
    const rows = await db.job.findMany({ where: { dedupeKey: { in: [key, marker] } } });
    expect(rows.map((r) => r.dedupeKey).sort()).toEqual([key, marker].sort());
    const moved = rows.find((r) => r.dedupeKey === key);
    expect(moved?.runAt.getTime()).toBeLessThan(later(31).getTime());
    await db.job.deleteMany({ where: { dedupeKey: { in: [key, marker] } } });
  });
});
