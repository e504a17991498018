import type { ChildProcess } from "node:child_process";
import { afterAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { isFinal } from "@/lib/generations/state-machine";
import { stopWorker } from "@/lib/jobs/worker";
import { kill9, startBackend } from "@/tests/support/backend-process";
import { generate, newWorkspace, studio, waitFor } from "@/tests/support/studio";

let child: ChildProcess | null = null;

afterAll(async () => {
  if (child && child.exitCode === null) await kill9(child);
});

describe("a crash in the middle", () => {
  it("kill -9 of the worker with generations in flight, then a restart, resumes every job", async () => {
    // From here on only the child process works the queue.
    await stopWorker();
    const sim = studio().sim;
    sim.configure({ stepMs: 600, dropCallbacks: true });
    const ctx = await newWorkspace();
    const before = sim.stats().tasksCreated;
    child = await startBackend();

    const ids: string[] = [];
    for (let i = 0; i < 6; i++) ids.push((await generate(ctx, `崩溃恢复测试 ${i}`)).id);
    const inWorkspace = { workspaceId: ctx.workspace.id };

    // Let the child take some of the work, then kill it without warning.
    await waitFor(
      async () =>
        (await db.generation.count({ where: { ...inWorkspace, pollCount: { gt: 0 } } })) > 0,
      {
        what: "the child to start polling",
      },
    );
    await kill9(child);
    const midway = await db.generation.findMany({ where: inWorkspace, select: { state: true } });
    expect(midway.some((g) => !isFinal(g.state))).toBe(true);

    await new Promise((r) => setTimeout(r, 1500));
    child = await startBackend();
    await waitFor(
      async () => {
        const rows = await db.generation.findMany({
          where: inWorkspace,
          select: { state: true, mediaState: true },
        });
        return rows.every((g) => g.state === "success" && g.mediaState === "stored");
      },
      { timeoutMs: 90_000, what: "every generation to finish with its video" },
    );

    const rows = await db.generation.findMany({ where: inWorkspace });
    expect(rows).toHaveLength(ids.length);
    for (const g of rows) {
      expect(g.finalSource).toBe("poll");
      expect(g.mediaKey).toBeTruthy();
    }
    expect(sim.stats().tasksCreated - before).toBe(ids.length);
    expect(new Set(rows.map((g) => g.providerTaskId)).size).toBe(ids.length);
    // A job's row goes just after its last write (the video stored), so the queue is given a
    // moment to drain; a job left behind for later would still time this out.
    const jobsOf = { OR: ids.map((id) => ({ payload: { contains: id } })) };
    await waitFor(async () => (await db.job.count({ where: jobsOf })) === 0, {
      timeoutMs: 10_000,
      what: "the queue to hold nothing more for these generations",
    });
    expect(await db.job.count({ where: jobsOf })).toBe(0);
  });
});
