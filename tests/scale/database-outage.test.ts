import { randomUUID } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Simulator, startSimulator } from "@/lib/kie/simulator/server";
import { type AppInstance, freePort, startAppInstance } from "@/tests/support/app-instance";
import { signedUpPerson } from "@/tests/support/signed-up-person";
import { listenToEvents } from "@/tests/support/sse";
// @ts-expect-error -- a plain ESM script shared with the command line
import { startTempPostgres } from "../../scripts/temp-postgres.mjs";

// The production server on PostgreSQL, with the database stopped for a while underneath it.
const AUTH_SECRET = "outage-auth-secret-0123456789abcdef";
const dir = mkdtempSync(join(tmpdir(), "studio-outage-"));
let pgServer: { url: string; pause(): void; resume(): void; stop(): void };
let sim: Simulator;
let app: AppInstance;

beforeAll(async () => {
  pgServer = await startTempPostgres();
  sim = await startSimulator({ dataDir: join(dir, "simulator"), stepMs: 400, log: () => {} });
  const port = await freePort();
  const env = {
    DATABASE_URL: pgServer.url,
    APP_URL: `http://127.0.0.1:${port}`,
    SIMULATOR_URL: sim.url,
    MEDIA_DIR: join(dir, "media"),
    AUTH_SECRET,
    RECONCILE_SCALE: "1",
  };
  Object.assign(process.env, env);
  app = await startAppInstance(env, port);
}, 120_000);

afterAll(async () => {
  await app?.stop();
  await sim?.close();
  pgServer?.stop();
  rmSync(dir, { recursive: true, force: true });
});

describe("the database goes away for a while", () => {
  it("requests fail cleanly with 503, nothing is half-written, and the studio recovers by itself", async () => {
    const { db } = await import("@/lib/db");
    const { createGeneration } = await import("@/lib/generations/create-generation");
    const { submissionSettled } = await import("@/tests/support/studio");
    const { userId, slug, workspace, cookie } = await signedUpPerson("outage", AUTH_SECRET);
    const gallery = () => fetch(`${app.url}/api/w/${slug}/generations`, { headers: { cookie } });
    expect((await gallery()).status).toBe(200);

    const dto = await createGeneration({
      workspace,
      authorId: userId,
      prompt: "断电测试：雪山上的日出 [sim:slow]",
      promptOptimizer: true,
      idempotencyKey: randomUUID(),
    });
    // Generate answers before kie.ai is asked; the outage is meant for a task already running.
    await submissionSettled(dto.id);
    const submitted = await db.generation.findUniqueOrThrow({ where: { id: dto.id } });
    expect(submitted.state).toBe("waiting");
    const seen = new Map<string, string[]>();
    const stream = listenToEvents(`${app.url}/api/w/${slug}/events`, cookie, seen);
    await stream.ready;
    await db.$disconnect();

    const refusedBefore = sim.stats().callbacksFailed;
    pgServer.pause();
    try {
      for (const res of [
        await gallery(),
        await fetch(`${app.url}/api/health`),
        await fetch(`${app.url}/api/kie/callback?t=whatever`, {
          method: "POST",
          body: JSON.stringify({ code: 200, data: { taskId: "task_x", state: "success" } }),
        }),
      ]) {
        expect(res.status).toBe(503);
        expect(((await res.json()) as { error: string }).error).toMatch(/unavailable/);
      }
      // The task ends while the database is away: its callback, each of kie.ai's retries
      // included, is refused, so only the studio's own recovery can finish the generation.
      const attempts = 1 + sim.settings().callbackRetries;
      const deadlineRefused = Date.now() + 30_000;
      while (sim.stats().callbacksFailed - refusedBefore < attempts) {
        if (Date.now() > deadlineRefused) throw new Error("the callback was never refused");
        await new Promise((r) => setTimeout(r, 200));
      }
    } finally {
      pgServer.resume();
    }

    const deadline = Date.now() + 60_000;
    for (;;) {
      const g = await db.generation.findUniqueOrThrow({ where: { id: dto.id } });
      if (g.state === "success" && g.mediaState === "stored") break;
      if (Date.now() > deadline) throw new Error(`stuck in ${g.state}/${g.mediaState}`);
      await new Promise((r) => setTimeout(r, 500));
    }
    expect((await gallery()).status).toBe(200);
    // Live updates flow again: the event bus reconnected its LISTEN by itself.
    const deadlineEvents = Date.now() + 10_000;
    while (!seen.get(dto.id)?.includes("success") && Date.now() < deadlineEvents) {
      await new Promise((r) => setTimeout(r, 200));
    }
    expect(seen.get(dto.id)).toContain("success");
    // A single instance also hands its own events straight to its browsers, so that alone does
    // not show LISTEN is back: a notification sent by someone else must come through.
    const probe = `probe-${randomUUID()}`;
    const notifier = new pg.Client({ connectionString: pgServer.url });
    await notifier.connect();
    try {
      const payload = JSON.stringify({
        workspaceId: workspace.id,
        generationId: probe,
        state: "probe",
      });
      const deadlineProbe = Date.now() + 30_000;
      while (!seen.get(probe) && Date.now() < deadlineProbe) {
        await notifier.query("SELECT pg_notify('studio_generation_events', $1)", [payload]);
        await new Promise((r) => setTimeout(r, 500));
      }
    } finally {
      await notifier.end();
    }
    stream.abort();
    expect(seen.get(probe)).toContain("probe");
    const applied = await db.providerEvent.count({
      where: { generationId: dto.id, source: { startsWith: "sync-" }, state: "success" },
    });
    expect(applied).toBe(1);
    expect(await db.job.count({ where: { failedAt: { not: null } } })).toBe(0);
    expect(app.process.exitCode).toBeNull();
  }, 180_000);
});
