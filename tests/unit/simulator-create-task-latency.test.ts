import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Simulator, startSimulator } from "@/lib/kie/simulator/server";

// A slow kie.ai, as the benchmark sets it: createTask answers late but makes its task as usual,
// while the door (rate limit) still answers at once, and every call is recorded as it arrived.

const LATENCY_MS = 300;

let sim: Simulator;
let dataDir: string;

beforeAll(async () => {
  dataDir = await mkdtemp(join(tmpdir(), "sim-latency-"));
  sim = await startSimulator({ dataDir, ffmpegPath: null, log: () => {} });
});

afterAll(async () => {
  await sim.close();
  await rm(dataDir, { recursive: true, force: true });
});

async function createTask(key: string) {
  const started = performance.now();
  const res = await fetch(`${sim.url}/api/v1/jobs/createTask`, {
    method: "POST",
    headers: { "content-type": "application/json", authorization: `Bearer ${key}` },
    body: JSON.stringify({
      model: "hailuo/02-text-to-video-pro",
      input: { prompt: "a red kite over green hills", prompt_optimizer: true },
    }),
  });
  const json = (await res.json()) as { code: number; data?: { taskId?: string } | null };
  return { status: res.status, json, ms: performance.now() - started, started };
}

describe("createTaskLatencyMs", () => {
  it("is 0 unless set, and refuses what is not a whole number of ms", () => {
    expect(sim.settings().createTaskLatencyMs).toBe(0);
    expect(() => sim.configure({ createTaskLatencyMs: -1 })).toThrow();
    expect(() => sim.configure({ createTaskLatencyMs: 1.5 })).toThrow();
  });

  it("answers no sooner than the latency, with its task made as usual", async () => {
    sim.reset();
    sim.configure({ createTaskLatencyMs: LATENCY_MS });
    const before = Date.now();
    const answer = await createTask("slow-key");
    expect(answer.status).toBe(200);
    expect(answer.json.code).toBe(200);
    expect(answer.ms).toBeGreaterThanOrEqual(LATENCY_MS);
    expect(typeof answer.json.data?.taskId).toBe("string");
    expect(sim.stats()).toMatchObject({ createTaskCalls: 1, tasksCreated: 1 });
    // Recorded as it arrived, not as it was answered.
    const [call] = sim.createTaskCalls();
    expect(call?.rateLimited).toBe(false);
    expect(call?.at).toBeGreaterThanOrEqual(before);
    expect(call?.at).toBeLessThan(before + LATENCY_MS);
  });

  it("still refuses a call over the rate limit at once, and records it as refused", async () => {
    sim.reset();
    sim.configure({
      createTaskLatencyMs: LATENCY_MS,
      createTaskRateLimit: { max: 1, windowMs: 60_000 },
    });
    const [first, second] = await Promise.all([createTask("busy-key"), createTask("busy-key")]);
    const refused = first?.status === 429 ? first : second;
    const made = first?.status === 429 ? second : first;
    expect(refused?.status).toBe(429);
    expect(refused?.ms).toBeLessThan(LATENCY_MS);
    expect(made?.status).toBe(200);
    expect(made?.ms).toBeGreaterThanOrEqual(LATENCY_MS);
    expect(sim.createTaskCalls().map((c) => c.rateLimited)).toEqual(
      expect.arrayContaining([true, false]),
    );
    expect(sim.stats().tasksCreated).toBe(1);
  });

  it("is listed with each call's arrival at /__sim/create-task-calls, and cleared by a reset", async () => {
    sim.reset();
    await createTask("listed-key");
    const res = await fetch(`${sim.url}/__sim/create-task-calls`);
    const body = (await res.json()) as { data: { at: number; rateLimited: boolean }[] };
    expect(body.data).toHaveLength(1);
    expect(body.data[0]?.rateLimited).toBe(false);
    sim.reset();
    expect(sim.createTaskCalls()).toEqual([]);
  });
});
