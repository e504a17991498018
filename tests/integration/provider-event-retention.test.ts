import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import {
  PROVIDER_EVENT_RETENTION_DAYS,
  pruneProviderEvents,
} from "@/lib/generations/prune-provider-events";
import { generate, newWorkspace, waitForState } from "@/tests/support/studio";

const DAY = 24 * 60 * 60 * 1000;

/** Provider events of a generation, as "source state" lines in a stable order. */
async function eventsOf(generationId: string) {
  const rows = await db.providerEvent.findMany({ where: { generationId } });
  return rows.map((e) => `${e.source} ${e.state}`).sort();
}

function replays(generationId: string, taskId: string, receivedAt: Date, count: number) {
  return db.providerEvent.createMany({
    data: Array.from({ length: count }, () => ({
      generationId,
      taskId,
      source: "callback",
      state: "success",
      payload: "{}",
      receivedAt,
    })),
  });
}

describe("provider event retention", () => {
  it("prunes a finished generation's old events, keeping its creation and final read; in-flight ones keep all", async () => {
    const ctx = await newWorkspace();
    const done = await waitForState((await generate(ctx, "old lanterns on water")).id, ["success"]);
    const running = await waitForState(
      (await generate(ctx, "a slow tide [sim:slow] [sim:nocallback]")).id,
      ["waiting", "queuing", "generating"],
    );
    const old = new Date(Date.now() - (PROVIDER_EVENT_RETENTION_DAYS + 5) * DAY);
    const recent = new Date(Date.now() - (PROVIDER_EVENT_RETENTION_DAYS - 5) * DAY);
    await db.providerEvent.updateMany({
      where: { generationId: { in: [done.id, running.id] } },
      data: { receivedAt: old },
    });
    await replays(done.id, done.providerTaskId ?? "", old, 25);
    await replays(done.id, done.providerTaskId ?? "", recent, 1);
    await replays(running.id, running.providerTaskId ?? "", old, 2);
    const runningBefore = await eventsOf(running.id);

    const deleted = await pruneProviderEvents();

    // What the finished one keeps: createTask's answer, the read that made it final, and
    // whatever is younger than the retention period.
    expect(await eventsOf(done.id)).toEqual([
      "callback success",
      "create waiting",
      expect.stringMatching(/^sync-(callback|poll) success$/),
    ]);
    expect(deleted).toBeGreaterThanOrEqual(25);
    expect(await eventsOf(running.id)).toEqual(runningBefore);
    expect(await pruneProviderEvents()).toBe(0);
  });
});
