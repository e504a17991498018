import { execFile } from "node:child_process";
import { createHmac, randomUUID } from "node:crypto";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { createServer, type IncomingHttpHeaders, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildCallbackBody, callbackVariant } from "@/lib/kie/simulator/deliver-callback";
import { type Simulator, startSimulator } from "@/lib/kie/simulator/server";
import type { TaskView } from "@/lib/kie/simulator/task-timeline";

// Drives the simulator over real HTTP the way the studio's client will, and checks what a user
// would notice: the video plays, callbacks arrive signed, and every fault marker does its job.

const run = promisify(execFile);
const hmacKey = "test-webhook-key";
const model = "hailuo/02-text-to-video-pro";

type Json = Record<string, unknown>;
interface ReceivedCallback {
  at: number;
  path: string;
  token: string | null;
  headers: IncomingHttpHeaders;
  body: Json;
}

let sim: Simulator;
let dataDir: string;
let receiver: Server;
let receiverUrl: string;
const received: ReceivedCallback[] = [];
const flakyFailures = new Set<string>();

function newKey(): string {
  return `key-${randomUUID()}`;
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** Polls until probe returns a value; generous, because a loaded 2-core machine runs this too. */
async function waitFor<T>(
  what: string,
  probe: () => T | undefined | Promise<T | undefined>,
  timeoutMs = 30_000,
) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await sleep(100);
  }
}

async function call(params: {
  base?: string;
  path: string;
  key?: string | null;
  body?: unknown;
  rawBody?: string;
  signal?: AbortSignal;
}): Promise<{ status: number; json: Json }> {
  const headers: Record<string, string> = { "content-type": "application/json" };
  if (params.key !== null) headers.authorization = `Bearer ${params.key ?? "default-key"}`;
  const hasBody = params.body !== undefined || params.rawBody !== undefined;
  const response = await fetch(`${params.base ?? sim.url}${params.path}`, {
    method: hasBody ? "POST" : "GET",
    headers,
    body: params.rawBody ?? (hasBody ? JSON.stringify(params.body) : undefined),
    signal: params.signal,
  });
  return { status: response.status, json: (await response.json()) as Json };
}

function createTask(prompt: string, opts: { key?: string; token?: string; base?: string } = {}) {
  const callBackUrl = opts.token ? `${receiverUrl}/cb?t=${opts.token}` : undefined;
  return call({
    base: opts.base,
    path: "/api/v1/jobs/createTask",
    key: opts.key ?? newKey(),
    body: { model, callBackUrl, input: { prompt, prompt_optimizer: true } },
  });
}

function taskIdOf(answer: { json: Json }): string {
  const data = answer.json.data as { taskId?: unknown } | null;
  if (typeof data?.taskId !== "string")
    throw new Error(`no taskId in ${JSON.stringify(answer.json)}`);
  return data.taskId;
}

/** Polls recordInfo until the task ends; returns the final data and every state seen. */
async function waitForEnd(taskId: string, base = sim.url) {
  const key = newKey();
  const states: string[] = [];
  const data = await waitFor(`task ${taskId} to end`, async () => {
    const { json } = await call({ base, path: `/api/v1/jobs/recordInfo?taskId=${taskId}`, key });
    if (json.code !== 200) return undefined;
    const view = json.data as TaskView;
    if (states.at(-1) !== view.state) states.push(view.state);
    return view.state === "success" || view.state === "fail" ? view : undefined;
  });
  return { data, states };
}

function resultUrlOf(view: TaskView): string {
  const parsed = JSON.parse(view.resultJson) as { resultUrls: string[] };
  const url = parsed.resultUrls[0];
  if (!url) throw new Error("no result URL");
  return url;
}

function callbacksFor(token: string): ReceivedCallback[] {
  return received.filter((c) => c.token === token);
}

/** Waits for the first callback carrying this token. */
function firstCallback(token: string): Promise<ReceivedCallback> {
  return waitFor(`a callback for ${token}`, () => callbacksFor(token)[0]);
}

function callbackTaskId(body: Json): unknown {
  const data = body.data as Json;
  return data.taskId ?? data.task_id ?? body.taskId;
}

async function probeVideo(bytes: Buffer) {
  const file = join(dataDir, `probe-${randomUUID()}.mp4`);
  await writeFile(file, bytes);
  const { stdout } = await run("ffprobe", [
    ...["-v", "error", "-select_streams", "v:0"],
    ...["-show_entries", "stream=codec_name,pix_fmt:format=duration", "-of", "json", file],
  ]);
  const probe = JSON.parse(stdout) as {
    streams: { codec_name: string; pix_fmt: string }[];
    format: { duration: string };
  };
  return {
    codec: probe.streams[0]?.codec_name,
    pixFmt: probe.streams[0]?.pix_fmt,
    duration: Number(probe.format.duration),
  };
}

let firstTask: Promise<{ taskId: string; token: string; view: TaskView; states: string[] }>;

beforeAll(async () => {
  dataDir = await mkdtemp(join(tmpdir(), "kie-sim-test-"));
  receiver = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      const url = new URL(req.url ?? "/", "http://receiver");
      const token = url.searchParams.get("t");
      if (url.pathname === "/flaky" && token && !flakyFailures.has(token)) {
        flakyFailures.add(token);
        res.writeHead(500).end("try again");
        return;
      }
      const body = JSON.parse(Buffer.concat(chunks).toString("utf8")) as Json;
      received.push({ at: Date.now(), path: url.pathname, token, headers: req.headers, body });
      res.writeHead(200, { "content-type": "application/json" });
      res.end('{"code":200,"msg":"success"}');
    });
  });
  await new Promise<void>((resolve) => receiver.listen(0, "127.0.0.1", resolve));
  receiverUrl = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}`;
  sim = await startSimulator({
    dataDir: join(dataDir, "sim"),
    stepMs: 100,
    hmacKey,
    faults: { callbackRetryDelayMs: 50, callbackDelayMs: 300 },
    log: () => {},
  });
  const token = randomUUID();
  // [sim:slow] makes each state last 10 × stepMs, long enough to observe every one of them.
  const prompt = "一只橘猫在雨夜的东京街头漫步 [Push in] a cat walks through neon rain [sim:slow]";
  firstTask = createTask(prompt, { token }).then(async (answer) => {
    const taskId = taskIdOf(answer);
    const { data, states } = await waitForEnd(taskId);
    return { taskId, token, view: data, states };
  });
});

afterAll(async () => {
  await sim?.close();
  await new Promise<void>((resolve) => receiver?.close(() => resolve()));
  await rm(dataDir, { recursive: true, force: true });
});

describe("kie.ai simulator", () => {
  it("runs a task through every state to a playable H.264 video", async () => {
    // Widened from 300 ms so a loaded machine cannot miss the window.
    sim.configure({ recordInfoNullMs: 10_000 });
    const answer = await createTask("right after creation", {});
    const early = await call({ path: `/api/v1/jobs/recordInfo?taskId=${taskIdOf(answer)}` });
    sim.configure({ recordInfoNullMs: 300 });
    expect(early.json).toEqual({ code: 422, msg: "recordInfo is null", data: null });

    const { view, states, taskId } = await firstTask;
    expect(states).toEqual(["waiting", "queuing", "generating", "success"]);
    expect(taskId).toMatch(/^(task_hailuo_\d{13}\d*|[0-9a-f]{32})$/);
    expect(typeof view.param).toBe("string");
    expect(JSON.parse(view.param)).toMatchObject({ model, input: { prompt_optimizer: true } });
    expect(typeof view.resultJson).toBe("string");
    expect(view.costTime).toBe((view.completeTime ?? 0) - view.createTime);

    const response = await fetch(resultUrlOf(view));
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("video/mp4");
    const bytes = Buffer.from(await response.arrayBuffer());
    expect(Number(response.headers.get("content-length"))).toBe(bytes.length);
    expect(bytes.subarray(4, 8).toString("latin1")).toBe("ftyp");
    const probe = await probeVideo(bytes);
    expect(probe).toMatchObject({ codec: "h264", pixFmt: "yuv420p" });
    expect(probe.duration).toBeGreaterThan(5);

    const credit = await call({ path: "/api/v1/chat/credit" });
    expect(credit.json).toMatchObject({ code: 200, msg: "success" });
    expect(credit.json.data).toBeLessThanOrEqual(10_000 - 57);
  });

  it("serves exact byte ranges, HEAD and 416", async () => {
    const url = resultUrlOf((await firstTask).view);
    const whole = Buffer.from(await (await fetch(url)).arrayBuffer());
    const size = whole.length;

    const part = await fetch(url, { headers: { range: "bytes=100-199" } });
    expect(part.status).toBe(206);
    expect(part.headers.get("content-range")).toBe(`bytes 100-199/${size}`);
    expect(part.headers.get("content-length")).toBe("100");
    expect(Buffer.from(await part.arrayBuffer()).equals(whole.subarray(100, 200))).toBe(true);

    const tail = await fetch(url, { headers: { range: "bytes=-50" } });
    expect(tail.status).toBe(206);
    expect(Buffer.from(await tail.arrayBuffer()).equals(whole.subarray(size - 50))).toBe(true);

    const open = await fetch(url, { headers: { range: `bytes=${size - 10}-` } });
    expect(open.headers.get("content-range")).toBe(`bytes ${size - 10}-${size - 1}/${size}`);
    expect((await open.arrayBuffer()).byteLength).toBe(10);

    const beyond = await fetch(url, { headers: { range: `bytes=${size}-` } });
    expect(beyond.status).toBe(416);
    expect(beyond.headers.get("content-range")).toBe(`bytes */${size}`);

    const head = await fetch(url, { method: "HEAD" });
    expect(head.status).toBe(200);
    expect(head.headers.get("accept-ranges")).toBe("bytes");
    expect(head.headers.get("content-length")).toBe(String(size));
  });

  it("answers 403 for expired or forged URLs, and download-url hands out a fresh one", async () => {
    sim.configure({ urlTtlMs: 1 });
    const taskId = taskIdOf(await createTask("a link that expires at once"));
    const { data } = await waitForEnd(taskId);
    sim.configure({ urlTtlMs: 24 * 60 * 60 * 1000 });
    await sleep(10);
    const expired = resultUrlOf(data);
    expect((await fetch(expired)).status).toBe(403);
    const forged = resultUrlOf((await firstTask).view).replace(/sig=[^&]+/, "sig=AAAA");
    expect((await fetch(forged)).status).toBe(403);

    const fresh = await call({ path: "/api/v1/common/download-url", body: { url: expired } });
    expect(fresh.json).toMatchObject({ code: 200, msg: "success" });
    const freshUrl = String(fresh.json.data);
    const expires = Number(new URL(freshUrl).searchParams.get("expires"));
    expect(expires - Date.now()).toBeGreaterThan(19 * 60 * 1000);
    expect((await fetch(freshUrl)).status).toBe(200);

    const foreign = await call({
      path: "/api/v1/common/download-url",
      body: { url: "https://example.com/files/x.mp4" },
    });
    expect(foreign.json.code).toBe(422);
  });

  it("calls back once with a valid HMAC signature, costTime in seconds", async () => {
    const { taskId, token } = await firstTask;
    const [callback, ...more] = await waitFor("the first task's callback", () => {
      const found = callbacksFor(token);
      return found.length > 0 ? found : undefined;
    });
    expect(more).toHaveLength(0);
    if (!callback) throw new Error("no callback");
    const timestamp = String(callback.headers["x-webhook-timestamp"]);
    expect(Math.abs(Number(timestamp) - Date.now() / 1000)).toBeLessThan(60);
    const expected = createHmac("sha256", hmacKey)
      .update(`${taskId}.${timestamp}`)
      .digest("base64");
    expect(callback.headers["x-webhook-signature"]).toBe(expected);
    expect(callback.body).toMatchObject({
      code: 200,
      data: { state: "success", creditsConsumed: 57 },
    });
    expect(callbackTaskId(callback.body)).toBe(taskId);
    const data = callback.body.data as Json;
    expect(Number.isInteger(data.costTime)).toBe(true);
    expect(data.costTime).toBeLessThan(60);
  });

  it("places the task id in all three documented spots across tasks", () => {
    const ids = Array.from({ length: 30 }, (_, i) => `task_hailuo_${1765185319478 + i}`);
    expect(new Set(ids.map(callbackVariant)).size).toBe(3);
    for (const taskId of ids) {
      const view = { taskId, state: "success", costTime: 4000 } as TaskView;
      expect(callbackTaskId(buildCallbackBody(view, 57))).toBe(taskId);
    }
  });

  it("delivers duplicates, drops, late callbacks, and retries a failing receiver", async () => {
    sim.configure({ callbackMode: "duplicate" });
    const dupToken = randomUUID();
    await createTask("duplicated callbacks", { token: dupToken });
    sim.configure({ callbackMode: "drop" });
    const dropToken = randomUUID();
    const dropped = taskIdOf(await createTask("dropped callbacks", { token: dropToken }));
    sim.configure({ callbackMode: "normal" });
    const flakyToken = randomUUID();
    const flaky = await call({
      path: "/api/v1/jobs/createTask",
      body: {
        model,
        callBackUrl: `${receiverUrl}/flaky?t=${flakyToken}`,
        input: { prompt: "flaky" },
      },
    });
    const lateToken = randomUUID();
    const late = taskIdOf(await createTask("[sim:latecallback] slow mail", { token: lateToken }));
    const unreachable = await call({
      path: "/api/v1/jobs/createTask",
      body: { model, callBackUrl: "http://127.0.0.1:9/cb", input: { prompt: "nobody listens" } },
    });

    await waitFor("duplicates", () => (callbacksFor(dupToken).length >= 2 ? true : undefined));
    await waitFor("a retried delivery", () => callbacksFor(flakyToken)[0]);
    expect(flakyFailures.has(flakyToken)).toBe(true);
    expect((await waitForEnd(dropped)).data.state).toBe("success");
    expect((await waitForEnd(taskIdOf(unreachable))).data.state).toBe("success");
    const lateEnd = (await waitForEnd(late)).data.completeTime ?? 0;
    expect((await firstCallback(lateToken)).at - lateEnd).toBeGreaterThanOrEqual(300);
    expect(callbacksFor(dropToken)).toHaveLength(0);
    expect(sim.stats().callbacksDropped).toBeGreaterThanOrEqual(1);
    expect(taskIdOf(flaky)).toBeTruthy();
  });

  it("[sim:fail] ends in fail, calls back 501 and charges nothing", async () => {
    const token = randomUUID();
    const taskId = taskIdOf(await createTask("this one breaks [SIM:FAIL]", { token }));
    const { data } = await waitForEnd(taskId);
    const creditsAfterEnd = sim.stats().credits;
    expect(data).toMatchObject({
      state: "fail",
      failCode: "500",
      failMsg: "Generation failed: content could not be rendered",
      resultJson: "",
    });
    const callback = await firstCallback(token);
    expect(callback.body).toMatchObject({
      code: 501,
      data: { state: "fail", creditsConsumed: 0 },
    });
    expect((callback.body.data as Json).resultJson ?? null).toBeNull();
    expect(sim.stats().credits).toBe(creditsAfterEnd);
  });

  it("[sim:429x2] answers HTTP 429 twice, then creates the task", async () => {
    const key = newKey();
    const prompt = "busy hour [sim:429x2]";
    const first = await createTask(prompt, { key });
    const second = await createTask(prompt, { key });
    const third = await createTask(prompt, { key });
    expect([first.status, second.status]).toEqual([429, 429]);
    expect(first.json.code).toBe(429);
    expect(third.status).toBe(200);
    expect(third.json.code).toBe(200);
  });

  it("rate-limits createTask per key with a real HTTP 429", async () => {
    sim.configure({ createTaskRateLimit: { max: 2, windowMs: 10_000 } });
    const key = newKey();
    const answers = [];
    for (let i = 0; i < 3; i++) answers.push(await createTask(`limited ${i}`, { key }));
    sim.configure({ createTaskRateLimit: { max: 20, windowMs: 10_000 } });
    expect(answers.map((a) => a.status)).toEqual([200, 200, 429]);
  });

  it("[sim:timeout] never answers, yet the task runs and calls back", async () => {
    const token = randomUUID();
    const heldBefore = sim.stats().createTaskHeld;
    await expect(
      call({
        path: "/api/v1/jobs/createTask",
        body: {
          model,
          callBackUrl: `${receiverUrl}/cb?t=${token}`,
          input: { prompt: "[sim:timeout]" },
        },
        signal: AbortSignal.timeout(400),
      }),
    ).rejects.toThrow();
    expect(sim.stats().createTaskHeld).toBe(heldBefore + 1);
    const callback = await firstCallback(token);
    const taskId = String(callbackTaskId(callback.body));
    const { data } = await waitForEnd(taskId);
    expect(data.state).toBe("success");
  });

  it("refuses with 402 on [sim:402] and when credits run out", async () => {
    expect((await createTask("[sim:402] please")).json.code).toBe(402);
    const credits = sim.stats().credits;
    sim.configure({ credits: 56 });
    const broke = await createTask("not enough credits");
    sim.configure({ credits });
    expect(broke.status).toBe(200);
    expect(broke.json.code).toBe(402);
  });

  it("accepts 1500 UTF-16 code units and refuses 1501 with 422", async () => {
    expect((await createTask("a".repeat(1500))).json.code).toBe(200);
    const tooLong = await createTask("a".repeat(1501));
    expect(tooLong.json).toMatchObject({ code: 422 });
    expect(String(tooLong.json.msg)).toContain("1500");
    // 750 emoji are 1500 code units; one more tips it over.
    expect((await createTask("😀".repeat(750))).json.code).toBe(200);
    expect((await createTask("😀".repeat(751))).json.code).toBe(422);
    expect((await createTask("[sim:422] something")).json).toMatchObject({
      code: 422,
      msg: "prompt rejected by content policy",
    });
  });

  it("answers 401 without a key, and kie-style errors for bad requests", async () => {
    const noKey = await call({ path: "/api/v1/jobs/createTask", key: null, body: {} });
    expect(noKey.json.code).toBe(401);
    const malformed = await call({ path: "/api/v1/jobs/createTask", rawBody: "{not json" });
    expect(malformed.json.code).toBe(400);
    const wrongModel = await call({
      path: "/api/v1/jobs/createTask",
      body: { model: "veo3", input: { prompt: "x" } },
    });
    expect(wrongModel.json.code).toBe(422);
    const missing = await call({ path: "/api/v1/jobs/recordInfo" });
    expect(missing.json.code).toBe(400);
    const unknown = await call({ path: "/api/v1/jobs/recordInfo?taskId=task_hailuo_0" });
    expect(unknown.json).toEqual({ code: 404, message: "Task not found" });
    const stats = await call({ path: "/__sim/stats", key: null });
    expect(stats.json.code).toBe(200);
  });

  it("serves misbehaving files for [sim:badtype], [sim:truncated] and [sim:oversize]", async () => {
    const [badtype, truncated, oversize] = await Promise.all(
      ["[sim:badtype]", "[sim:truncated]", "[sim:oversize]"].map(async (prompt) => {
        const { data } = await waitForEnd(taskIdOf(await createTask(prompt)));
        return resultUrlOf(data);
      }),
    );
    const html = await fetch(badtype ?? "");
    expect(html.headers.get("content-type")).toContain("text/html");
    await html.arrayBuffer();

    const cut = await fetch(truncated ?? "");
    expect(Number(cut.headers.get("content-length"))).toBeGreaterThan(0);
    await expect(cut.arrayBuffer()).rejects.toThrow();

    const huge = await fetch(oversize ?? "");
    expect(huge.headers.get("content-length")).toBe(String(1024 ** 3));
    const reader = huge.body?.getReader();
    const first = await reader?.read();
    expect(first?.value?.byteLength).toBeGreaterThan(0);
    await reader?.cancel();
  });
});

describe("kie.ai simulator across restarts and without ffmpeg", () => {
  it("still knows a task after a restart on the same dataDir and finishes it", async () => {
    const dir = join(dataDir, "restart");
    const first = await startSimulator({ dataDir: dir, stepMs: 300, log: () => {} });
    const taskId = taskIdOf(await createTask("survives a restart", { base: first.url }));
    await first.close();
    const second = await startSimulator({ dataDir: dir, stepMs: 300, log: () => {} });
    try {
      const { data } = await waitForEnd(taskId, second.url);
      expect(data.state).toBe("success");
      expect(new URL(resultUrlOf(data)).port).toBe(String(second.port));
      expect((await fetch(resultUrlOf(data))).status).toBe(200);
    } finally {
      await second.close();
    }
  });

  it("serves the bundled fallback MP4 when ffmpeg is unavailable", async () => {
    const lines: string[] = [];
    const bare = await startSimulator({
      dataDir: join(dataDir, "no-ffmpeg"),
      stepMs: 50,
      ffmpegPath: null,
      log: (line) => lines.push(line),
    });
    try {
      const ids = await Promise.all(
        ["one", "two"].map(async (p) => taskIdOf(await createTask(p, { base: bare.url }))),
      );
      const views = await Promise.all(ids.map((id) => waitForEnd(id, bare.url)));
      const bytes = Buffer.from(
        await (await fetch(resultUrlOf(views[0]?.data as TaskView))).arrayBuffer(),
      );
      expect(bytes.length).toBeLessThan(150 * 1024);
      expect(bytes.subarray(4, 8).toString("latin1")).toBe("ftyp");
      const probe = await probeVideo(bytes);
      expect(probe.codec).toBe("h264");
      expect(probe.duration).toBeGreaterThan(5);
      expect(lines.filter((l) => l.includes("fallback"))).toHaveLength(1);
      expect(lines.join("\n")).not.toContain("Bearer");
    } finally {
      await bare.close();
    }
  });
});
