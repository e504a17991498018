import { mkdtempSync, rmSync } from "node:fs";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import pg from "pg";
import { afterAll, inject } from "vitest";
import { type Simulator, startSimulator } from "@/lib/kie/simulator/server";

// Each integration file gets a whole studio of its own: a real SQLite file, the real simulator
// over real HTTP, the real callback route behind a real HTTP server, and the job worker.
export const HMAC_KEY = "integration-hmac-key";

const dir = mkdtempSync(join(tmpdir(), "studio-it-"));

// The PostgreSQL leg runs the same files against a fresh database on a throwaway server.
async function databaseUrl(): Promise<string> {
  if (process.env.TEST_DB !== "postgresql") return `file:${join(dir, "studio.db")}`;
  const server = inject("pgUrl");
  const name = `it_${Math.random().toString(36).slice(2, 10)}`;
  const admin = new pg.Client({ connectionString: server });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  return server.replace(/\/[^/]*$/, `/${name}`);
}

Object.assign(process.env, {
  DATABASE_URL: await databaseUrl(),
  MEDIA_DIR: join(dir, "media"),
  KIE_WEBHOOK_HMAC_KEY: HMAC_KEY,
  JOB_POLL_MS: "50",
  JOB_LEASE_MS: "4000",
  // kie.ai's own schedule: the first poll comes after a task's callback, as on a real server.
  RECONCILE_SCALE: "1",
  // Long enough for a loaded machine; the "no answer" tests wait this long once.
  KIE_TIMEOUT_MS: "5000",
  AUTH_SECRET: "integration-auth-secret-0123456789",
});
delete process.env.KIE_API_KEY;
delete process.env.KIE_BASE_URL;

const sim: Simulator = await startSimulator({
  dataDir: join(dir, "simulator"),
  stepMs: 250,
  hmacKey: HMAC_KEY,
  faults: { callbackRetryDelayMs: 100, recordInfoRateLimit: null },
});
process.env.SIMULATOR_URL = sim.url;

// The route module reads the environment, so it is loaded only once the environment is set.
const callbacks = createServer(async (req, res) => {
  const { forwardToCallbackRoute } = await import("./forward-to-callback-route");
  try {
    await forwardToCallbackRoute(req, res);
  } catch (err) {
    // A sender that gives up mid-request (the simulator's delivery timeout) is nothing to
    // report, as with the production server; anything else is answered as a server error.
    if (req.destroyed || res.destroyed) return;
    console.error(err);
    if (!res.headersSent) res.writeHead(500).end();
    else res.destroy();
  }
});
await new Promise<void>((r) => callbacks.listen(0, "127.0.0.1", r));
process.env.APP_URL = `http://127.0.0.1:${(callbacks.address() as AddressInfo).port}`;

const { boot } = await import("@/lib/boot");
await boot();

(globalThis as Record<string, unknown>).__studio = { sim, dir };

afterAll(async () => {
  const { stopWorker } = await import("@/lib/jobs/worker");
  await stopWorker();
  await sim.close();
  await new Promise((r) => callbacks.close(r));
  rmSync(dir, { recursive: true, force: true });
});
