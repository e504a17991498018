import { readFileSync } from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { resolve } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { z } from "zod";
import {
  createKieClient,
  isRecordNotReady,
  type KieClientOptions,
  type KieError,
  mayHaveBeenProcessed,
} from "@/lib/kie/client";
import { interpretResponse } from "@/lib/kie/interpret";
import { DEFAULT_MODEL } from "@/lib/kie/models";
import { createTaskDataSchema, recordDataSchema } from "@/lib/kie/schemas";

// Recorded responses: body kept as the raw string so HTML and empty bodies are representable.
const fixtureSchema = z.object({
  status: z.number(),
  headers: z.record(z.string(), z.string()),
  body: z.string(),
});

function fixture(name: string): z.infer<typeof fixtureSchema> {
  const path = resolve(import.meta.dirname, "../fixtures/kie", `${name}.json`);
  return fixtureSchema.parse(JSON.parse(readFileSync(path, "utf8")));
}

type Reply = string | ((init: RequestInit) => Promise<Response>);

// Serves replies in order and then repeats the last one; records every call.
function fakeFetch(...replies: Reply[]) {
  const calls: { url: string; init: RequestInit }[] = [];
  const impl = async (input: RequestInfo | URL, init?: RequestInit): Promise<Response> => {
    calls.push({ url: String(input), init: init ?? {} });
    const reply = replies[Math.min(calls.length, replies.length) - 1];
    if (reply === undefined) throw new Error("no reply configured");
    if (typeof reply === "function") return reply(init ?? {});
    const f = fixture(reply);
    return new Response(f.body, { status: f.status, headers: f.headers });
  };
  return { fetch: impl as typeof fetch, calls };
}

const KEY = "sk-live-SECRET-4f0c2a9e7b";
const TASK = "task_hailuo_1765185319478";

function makeClient(fetchImpl: typeof fetch, extra: Partial<KieClientOptions> = {}) {
  const delays: number[] = [];
  const client = createKieClient({
    baseUrl: "https://api.kie.test/",
    apiKey: KEY,
    fetch: fetchImpl,
    sleep: async (ms) => {
      delays.push(ms);
    },
    random: () => 0.5,
    ...extra,
  });
  return { client, delays };
}

function expectError(result: { ok: true } | { ok: false; error: KieError }): KieError {
  if (result.ok) throw new Error("expected an error result");
  expect(result.error.message).not.toContain(KEY);
  return result.error;
}

const neverUntilAborted = (init: RequestInit) =>
  new Promise<Response>((_, reject) => {
    init.signal?.addEventListener("abort", () => reject(new DOMException("aborted", "AbortError")));
  });

function socketError(code: string): Error {
  return new TypeError("fetch failed", { cause: Object.assign(new Error(code), { code }) });
}

const throwing = (error: Error) => async () => {
  throw error;
};

describe("createTask", () => {
  it("sends the model, prompt, optimizer flag and callback with a bearer key", async () => {
    const { fetch, calls } = fakeFetch("create-success");
    const { client } = makeClient(fetch);
    const result = await client.createTask({
      prompt: "A red fox in snow [Push in]",
      promptOptimizer: false,
      callBackUrl: "https://studio.example.com/api/kie/callback?t=abc",
    });
    expect(result).toEqual({ ok: true, data: { taskId: TASK } });
    expect(calls).toHaveLength(1);
    const call = calls[0];
    expect(call?.url).toBe("https://api.kie.test/api/v1/jobs/createTask");
    expect(call?.init.method).toBe("POST");
    const headers = new Headers(call?.init.headers);
    expect(headers.get("authorization")).toBe(`Bearer ${KEY}`);
    expect(headers.get("content-type")).toBe("application/json");
    expect(JSON.parse(String(call?.init.body))).toEqual({
      model: DEFAULT_MODEL,
      callBackUrl: "https://studio.example.com/api/kie/callback?t=abc",
      input: { prompt: "A red fox in snow [Push in]", prompt_optimizer: false },
    });
  });

  it("omits callBackUrl when none is given and honours a model override", async () => {
    const { fetch, calls } = fakeFetch("create-success");
    const { client } = makeClient(fetch);
    await client.createTask({
      prompt: "x",
      promptOptimizer: true,
      model: "hailuo/02-text-to-video-standard",
    });
    const body = JSON.parse(String(calls[0]?.init.body));
    expect(body).not.toHaveProperty("callBackUrl");
    expect(body.model).toBe("hailuo/02-text-to-video-standard");
    expect(body.input.prompt_optimizer).toBe(true);
  });

  it("accepts a 32-hex task id and a `message` envelope key", async () => {
    const { client } = makeClient(fakeFetch("create-success-hex-message-key").fetch);
    const result = await client.createTask({ prompt: "x", promptOptimizer: true });
    expect(result).toEqual({ ok: true, data: { taskId: "9f86d081884c7d659a2feaa0c55ad015" } });
  });

  it("refuses empty and over-long prompts locally, without calling kie.ai", async () => {
    const { fetch, calls } = fakeFetch("create-success");
    const { client } = makeClient(fetch);
    const empty = expectError(await client.createTask({ prompt: " \n\t ", promptOptimizer: true }));
    expect(empty).toMatchObject({ kind: "validation", code: null, httpStatus: null });
    expect(empty.message).toBe("The prompt is empty");
    const long = expectError(
      await client.createTask({ prompt: "😀".repeat(751), promptOptimizer: true }),
    );
    expect(long.message).toBe(
      "The prompt is 1502 characters long; hailuo/02-text-to-video-pro accepts at most 1500",
    );
    expect(calls).toHaveLength(0);
  });

  it("treats success without a task id as an unreadable answer that may have created a task", async () => {
    const { client } = makeClient(fakeFetch("create-success-no-task-id").fetch);
    const error = expectError(await client.createTask({ prompt: "x", promptOptimizer: true }));
    expect(error.kind).toBe("bad_response");
    expect(mayHaveBeenProcessed(error)).toBe(true);
  });
});

describe("error codes (createTask, no retries)", () => {
  const cases = [
    ["http-401", "auth", 401, 401, false, "The workspace's kie.ai API key was rejected"],
    ["body-401", "auth", 401, 200, false, "The workspace's kie.ai API key was rejected"],
    ["http-402", "credits", 402, 402, false, "Not enough kie.ai credits"],
    ["body-402", "credits", 402, 200, false, "Not enough kie.ai credits"],
    [
      "http-404",
      "not_found",
      404,
      404,
      false,
      "kie.ai could not find the task or endpoint: Not Found",
    ],
    [
      "http-422",
      "validation",
      422,
      422,
      false,
      "input.prompt: String must contain at most 1500 character(s)",
    ],
    [
      "body-422",
      "validation",
      422,
      200,
      false,
      "input.prompt: String must contain at most 1500 character(s)",
    ],
    [
      "body-422-message-key",
      "validation",
      422,
      200,
      false,
      "model is not supported: hailuo/02-text-to-video-max",
    ],
    ["http-429-json", "rate_limited", 429, 429, true, "kie.ai is rate limiting requests"],
    ["http-429-text", "rate_limited", null, 429, true, "kie.ai is rate limiting requests"],
    ["body-429", "rate_limited", 429, 200, true, "kie.ai is rate limiting requests"],
    ["body-433", "quota", 433, 200, false, "The kie.ai key's usage cap has been reached"],
    ["body-455", "maintenance", 455, 200, true, "kie.ai is under maintenance"],
    [
      "body-500",
      "ambiguous",
      500,
      200,
      false,
      "kie.ai had a server error: Internal server error; the task may or may not have been created",
    ],
    [
      "http-500",
      "ambiguous",
      500,
      500,
      false,
      "kie.ai had a server error: Internal server error; the task may or may not have been created",
    ],
    [
      "http-502-html",
      "ambiguous",
      null,
      502,
      false,
      "kie.ai answered with a server error (HTTP 502); the task may or may not have been created",
    ],
    [
      "http-503-text",
      "ambiguous",
      null,
      503,
      false,
      "kie.ai answered with a server error (HTTP 503); the task may or may not have been created",
    ],
    [
      "http-504-html",
      "ambiguous",
      null,
      504,
      false,
      "A gateway timed out waiting for kie.ai; the task may or may not have been created",
    ],
    ["http-503-body-455", "maintenance", 455, 503, true, "kie.ai is under maintenance"],
    [
      "body-501",
      "generation_failed",
      501,
      200,
      false,
      "kie.ai could not generate the video: Generation failed",
    ],
    [
      "body-505",
      "feature_disabled",
      505,
      200,
      false,
      "This kie.ai feature is disabled: This feature is disabled",
    ],
    [
      "http-200-html",
      "bad_response",
      null,
      200,
      false,
      "kie.ai sent a response the studio could not read: the response was not JSON",
    ],
    [
      "http-200-empty",
      "bad_response",
      null,
      200,
      false,
      "kie.ai sent a response the studio could not read: the response was empty",
    ],
    [
      "http-200-json-array",
      "bad_response",
      null,
      200,
      false,
      "kie.ai sent a response the studio could not read: the response was not JSON",
    ],
  ] as const;

  // The interpretation alone: the recorded status and body, no I/O.
  it.each(cases)("%s → %s", (name, kind, code, httpStatus, retryable, message) => {
    const f = fixture(name);
    const how = { op: "write", schema: createTaskDataSchema, secret: KEY } as const;
    const error = expectError(interpretResponse(how, f.status, f.body));
    expect(error).toEqual({ kind, code, httpStatus, retryable, message });
  });

  it.each(cases)("the client answers %s as its interpretation says", async (name, kind) => {
    const { fetch, calls } = fakeFetch(name);
    const { client } = makeClient(fetch, { maxRetries: 0 });
    const error = expectError(await client.createTask({ prompt: "x", promptOptimizer: true }));
    expect(error.kind).toBe(kind);
    expect(calls).toHaveLength(1);
  });

  it.each(["body-500", "http-500", "http-502-html", "http-503-text", "http-504-html"])(
    "%s may have created the task: it is never resent",
    async (name) => {
      const { fetch, calls } = fakeFetch(name, "create-success");
      const { client, delays } = makeClient(fetch, { maxRetries: 3 });
      const error = expectError(await client.createTask({ prompt: "x", promptOptimizer: true }));
      expect(error).toMatchObject({ kind: "ambiguous", retryable: false });
      expect(mayHaveBeenProcessed(error)).toBe(true);
      expect(calls).toHaveLength(1);
      expect(delays).toEqual([]);
    },
  );

  it.each(["body-429", "http-429-json", "body-455", "http-503-body-455"])(
    "%s says kie.ai took nothing: it is resent",
    async (name) => {
      const { fetch, calls } = fakeFetch(name, "create-success");
      const { client } = makeClient(fetch);
      const result = await client.createTask({ prompt: "x", promptOptimizer: true });
      expect(result).toEqual({ ok: true, data: { taskId: TASK } });
      expect(calls).toHaveLength(2);
    },
  );

  it.each(["body-401", "http-402", "body-422", "body-433", "body-501", "body-505", "http-404"])(
    "%s is never retried",
    async (name) => {
      const { fetch, calls } = fakeFetch(name);
      const { client, delays } = makeClient(fetch, { maxRetries: 3 });
      expectError(await client.createTask({ prompt: "x", promptOptimizer: true }));
      expect(calls).toHaveLength(1);
      expect(delays).toEqual([]);
    },
  );

  it("does not follow a redirect, and knows nothing was created", async () => {
    const redirect = async () =>
      new Response("", { status: 301, headers: { location: "https://api.kie.ai/" } });
    const { fetch, calls } = fakeFetch(redirect);
    const { client } = makeClient(fetch);
    const error = expectError(await client.createTask({ prompt: "x", promptOptimizer: true }));
    expect(calls[0]?.init.redirect).toBe("manual");
    expect(error).toMatchObject({ kind: "bad_response", httpStatus: 301, retryable: false });
    expect(mayHaveBeenProcessed(error)).toBe(false);
  });

  it("never puts the API key in a message, even when kie echoes it", async () => {
    const echo = async () =>
      Response.json({ code: 422, msg: `key ${KEY} is not allowed from this IP` });
    const { client } = makeClient(fakeFetch(echo).fetch);
    const error = expectError(await client.createTask({ prompt: "x", promptOptimizer: true }));
    expect(error.message).toBe("key [redacted] is not allowed from this IP");
  });

  it("answers locally when no usable key is configured", async () => {
    const { fetch, calls } = fakeFetch("create-success");
    for (const apiKey of ["", "   ", "sk bad\nkey"]) {
      const { client } = makeClient(fetch, { apiKey });
      const error = expectError(await client.createTask({ prompt: "x", promptOptimizer: true }));
      expect(error.kind).toBe("auth");
      expect(error.message).not.toContain("bad");
    }
    expect(calls).toHaveLength(0);
  });
});

describe("recordInfo", () => {
  it("asks by task id with GET and parses a successful record", async () => {
    const { fetch, calls } = fakeFetch("record-success");
    const { client } = makeClient(fetch);
    const result = await client.recordInfo(TASK);
    expect(calls[0]?.url).toBe(`https://api.kie.test/api/v1/jobs/recordInfo?taskId=${TASK}`);
    expect(calls[0]?.init.method).toBe("GET");
    expect(calls[0]?.init.body).toBeUndefined();
    expect(result).toEqual({
      ok: true,
      data: {
        taskId: TASK,
        model: DEFAULT_MODEL,
        state: "success",
        param: {
          model: DEFAULT_MODEL,
          callBackUrl: "https://studio.example.com/api/kie/callback",
          input: { prompt: "A red fox in snow [Push in]", prompt_optimizer: true },
        },
        resultUrls: ["https://tempfile.aiquickdraw.com/h/0f1e2d3c/video.mp4"],
        failCode: null,
        failMsg: null,
        costTimeMs: 15000,
        createTime: new Date(1698765400000),
        completeTime: new Date(1698765432000),
        updateTime: new Date(1698765432000),
        creditsConsumed: 57,
      },
    });
  });

  it("escapes the task id in the query string", async () => {
    const { fetch, calls } = fakeFetch("record-null");
    const { client } = makeClient(fetch);
    await client.recordInfo("a&b=c d");
    expect(calls[0]?.url).toBe("https://api.kie.test/api/v1/jobs/recordInfo?taskId=a%26b%3Dc%20d");
  });

  it("reads a failed task: envelope 200, failCode and failMsg, no URLs", async () => {
    const { client } = makeClient(fakeFetch("record-fail").fetch);
    const result = await client.recordInfo(TASK);
    expect(result.ok && result.data).toMatchObject({
      state: "fail",
      failCode: "500",
      failMsg: "Internal error, please try again later.",
      resultUrls: [],
      costTimeMs: 3000,
      creditsConsumed: null,
    });
  });

  it("reads a task still waiting, with empty resultJson and blank failure fields", async () => {
    const { client } = makeClient(fakeFetch("record-waiting").fetch);
    const result = await client.recordInfo(TASK);
    expect(result.ok && result.data).toMatchObject({
      state: "waiting",
      resultUrls: [],
      failCode: null,
      failMsg: null,
      costTimeMs: null,
      completeTime: null,
    });
  });

  it("tolerates garbage in param, resultJson and numbers", async () => {
    const { client } = makeClient(fakeFetch("record-garbage-json-fields").fetch);
    const result = await client.recordInfo(TASK);
    expect(result.ok && result.data).toMatchObject({
      state: "success",
      param: null,
      resultUrls: [],
      model: null,
      costTimeMs: null,
      createTime: null,
    });
  });

  it("tolerates param and resultJson already parsed, keeping only http(s) URLs", async () => {
    const { client } = makeClient(fakeFetch("record-parsed-objects").fetch);
    const result = await client.recordInfo(TASK);
    expect(result.ok && result.data).toMatchObject({
      param: { model: DEFAULT_MODEL, input: { prompt: "x" } },
      resultUrls: ["https://tempfile.aiquickdraw.com/a.mp4"],
      failCode: "422",
      costTimeMs: 2500,
      createTime: new Date(1698765400000),
    });
  });

  it("reports 'recordInfo is null' as not-ready validation, without retrying", async () => {
    const { fetch, calls } = fakeFetch("record-null");
    const { client } = makeClient(fetch);
    const error = expectError(await client.recordInfo(TASK));
    expect(error).toMatchObject({ kind: "validation", code: 422, message: "recordInfo is null" });
    expect(isRecordNotReady(error)).toBe(true);
    expect(calls).toHaveLength(1);
  });

  it("keeps 'Task not found' apart from a record that is not ready yet", async () => {
    const { client } = makeClient(fakeFetch("body-404-task-not-found").fetch);
    const error = expectError(await client.recordInfo(TASK));
    expect(error.kind).toBe("not_found");
    expect(error.message).toContain("Task not found");
    expect(isRecordNotReady(error)).toBe(false);
  });

  it("maps 400 'taskId parameter is required' to validation", async () => {
    const { client } = makeClient(fakeFetch("body-400-task-id-required").fetch);
    const error = expectError(await client.recordInfo(TASK));
    expect(error).toMatchObject({ kind: "validation", message: "taskId parameter is required" });
  });

  it("rejects an unknown state and a record of another task as bad responses", async () => {
    for (const name of ["body-unknown-state", "record-other-task"]) {
      const { client } = makeClient(fakeFetch(name).fetch);
      expect(expectError(await client.recordInfo(TASK)).kind).toBe("bad_response");
    }
  });

  it("refuses a blank task id without calling kie.ai", async () => {
    const { fetch, calls } = fakeFetch("record-success");
    const { client } = makeClient(fetch);
    expect(expectError(await client.recordInfo("  ")).kind).toBe("validation");
    expect(calls).toHaveLength(0);
  });
});

describe("credits and download links", () => {
  it("reads the credit balance", async () => {
    const { fetch, calls } = fakeFetch("credits");
    const { client } = makeClient(fetch);
    expect(await client.credits()).toEqual({ ok: true, data: 100 });
    expect(calls[0]?.url).toBe("https://api.kie.test/api/v1/chat/credit");
    expect(calls[0]?.init.method).toBe("GET");
  });

  it("refuses a balance of the wrong shape", async () => {
    const { client } = makeClient(fakeFetch("credits-wrong-type").fetch);
    expect(expectError(await client.credits()).kind).toBe("bad_response");
  });

  it("gets a temporary download link", async () => {
    const { fetch, calls } = fakeFetch("download-url");
    const { client } = makeClient(fetch);
    const url = "https://tempfile.aiquickdraw.com/h/0f1e2d3c/video.mp4";
    expect(await client.downloadUrl(url)).toEqual({
      ok: true,
      data: "https://tempfile.aiquickdraw.com/d/0f1e2d3c/video.mp4?sig=abc",
    });
    expect(calls[0]?.url).toBe("https://api.kie.test/api/v1/common/download-url");
    expect(JSON.parse(String(calls[0]?.init.body))).toEqual({ url });
  });

  it("passes on kie's refusal of a non-kie URL", async () => {
    const { client } = makeClient(fakeFetch("download-url-not-kie").fetch);
    const error = expectError(await client.downloadUrl("https://example.com/a.mp4"));
    expect(error).toMatchObject({
      kind: "validation",
      message: "Only kie.ai generated file URLs are supported",
    });
  });
});

describe("retries and backoff", () => {
  it("backs off through 429, 455 and a refused connection, then creates the task", async () => {
    const { fetch, calls } = fakeFetch(
      "body-429",
      "body-455",
      throwing(socketError("ECONNREFUSED")),
      "create-success",
    );
    const { client, delays } = makeClient(fetch, { retryBaseMs: 500 });
    const result = await client.createTask({ prompt: "x", promptOptimizer: true });
    expect(result).toEqual({ ok: true, data: { taskId: TASK } });
    expect(calls).toHaveLength(4);
    // random() = 0.5: half of 500·2^attempt.
    expect(delays).toEqual([250, 500, 1000]);
  });

  it("draws full-jitter delays within [0, base·2^attempt), capped by retryMaxMs", async () => {
    const { fetch, calls } = fakeFetch("body-455");
    const draws = [0, 0.999, 0.25, 0.999, 0.999];
    const { client, delays } = makeClient(fetch, {
      maxRetries: 5,
      retryBaseMs: 100,
      retryMaxMs: 700,
      random: () => draws.shift() ?? 0.999,
    });
    const error = expectError(await client.credits());
    expect(error.kind).toBe("maintenance");
    expect(calls).toHaveLength(6);
    expect(delays).toEqual([0, 199, 100, 699, 699]);
  });

  it("keeps real jitter inside its bounds", async () => {
    const { fetch } = fakeFetch("body-500");
    const { client, delays } = makeClient(fetch, {
      maxRetries: 4,
      retryBaseMs: 500,
      retryMaxMs: 3000,
      random: Math.random,
    });
    await client.credits();
    expect(delays).toHaveLength(4);
    delays.forEach((delay, attempt) => {
      expect(delay).toBeGreaterThanOrEqual(0);
      expect(delay).toBeLessThan(Math.min(3000, 500 * 2 ** attempt));
    });
  });

  it("gives up after maxRetries with the last error", async () => {
    const { fetch, calls } = fakeFetch("body-429", "body-429", "body-455");
    const { client } = makeClient(fetch, { maxRetries: 2 });
    const error = expectError(await client.createTask({ prompt: "x", promptOptimizer: true }));
    expect(error).toMatchObject({ kind: "maintenance", retryable: true });
    expect(calls).toHaveLength(3);
  });

  it("waits at least as long as Retry-After asks", async () => {
    const { fetch } = fakeFetch("http-429-text", "create-success");
    const { client, delays } = makeClient(fetch);
    const result = await client.createTask({ prompt: "x", promptOptimizer: true });
    expect(result.ok).toBe(true);
    expect(delays).toEqual([2000]);
  });

  it("hands a Retry-After longer than retryMaxMs back to the caller instead of waiting", async () => {
    const { fetch, calls } = fakeFetch("http-429-text");
    const { client, delays } = makeClient(fetch, { retryMaxMs: 1000 });
    const error = expectError(await client.createTask({ prompt: "x", promptOptimizer: true }));
    expect(error).toMatchObject({ kind: "rate_limited", retryable: true, retryAfterMs: 2000 });
    expect(calls).toHaveLength(1);
    expect(delays).toEqual([]);
  });
});

describe("timeouts and connection failures", () => {
  it("returns within the timeout when kie.ai never answers, and never resends createTask", async () => {
    const { fetch, calls } = fakeFetch(neverUntilAborted);
    const { client } = makeClient(fetch, { timeoutMs: 50, maxRetries: 3 });
    const started = performance.now();
    const error = expectError(await client.createTask({ prompt: "x", promptOptimizer: true }));
    const elapsed = performance.now() - started;
    expect(elapsed).toBeGreaterThanOrEqual(45);
    expect(elapsed).toBeLessThan(1000);
    expect(error).toMatchObject({ kind: "ambiguous", retryable: false });
    expect(error.message).toContain("may or may not have been created");
    expect(mayHaveBeenProcessed(error)).toBe(true);
    expect(calls).toHaveLength(1);
    expect(calls[0]?.init.signal?.aborted).toBe(true);
  });

  it("returns within the timeout even if fetch ignores the abort signal", async () => {
    const { fetch } = fakeFetch(() => new Promise<Response>(() => {}));
    const { client } = makeClient(fetch, { timeoutMs: 30, maxRetries: 0 });
    const started = performance.now();
    expect(expectError(await client.credits()).kind).toBe("ambiguous");
    expect(performance.now() - started).toBeLessThan(1000);
  });

  it("bounds a body that starts and never ends", async () => {
    const stalled = async () =>
      new Response(
        new ReadableStream({
          start(controller) {
            controller.enqueue(new TextEncoder().encode('{"code":200,'));
          },
        }),
        { status: 200 },
      );
    const { client } = makeClient(fakeFetch(stalled).fetch, { timeoutMs: 30 });
    const error = expectError(await client.createTask({ prompt: "x", promptOptimizer: true }));
    expect(error.kind).toBe("ambiguous");
  });

  it("retries a timed-out read and marks it retryable", async () => {
    const { fetch, calls } = fakeFetch(neverUntilAborted);
    const { client } = makeClient(fetch, { timeoutMs: 20, maxRetries: 2 });
    const error = expectError(await client.recordInfo(TASK));
    expect(error).toMatchObject({ kind: "ambiguous", retryable: true });
    expect(calls).toHaveLength(3);
  });

  it("recovers a read after a timeout", async () => {
    const { fetch } = fakeFetch(neverUntilAborted, "record-success");
    const { client } = makeClient(fetch, { timeoutMs: 20 });
    const result = await client.recordInfo(TASK);
    expect(result.ok && result.data.state).toBe("success");
  });

  it("does not resend a createTask whose connection was reset after sending", async () => {
    const { fetch, calls } = fakeFetch(throwing(socketError("UND_ERR_SOCKET")), "create-success");
    const { client } = makeClient(fetch);
    const error = expectError(await client.createTask({ prompt: "x", promptOptimizer: true }));
    expect(error).toMatchObject({ kind: "ambiguous", retryable: false });
    expect(calls).toHaveLength(1);
  });

  it("treats an unrecognised fetch failure as ambiguous", async () => {
    const { fetch, calls } = fakeFetch(throwing(new Error("boom")));
    const { client } = makeClient(fetch);
    expect(expectError(await client.createTask({ prompt: "x", promptOptimizer: true })).kind).toBe(
      "ambiguous",
    );
    expect(calls).toHaveLength(1);
  });

  it.each(["ECONNREFUSED", "ENOTFOUND", "EAI_AGAIN"])(
    "resends a createTask that never connected (%s)",
    async (code) => {
      const { fetch, calls } = fakeFetch(throwing(socketError(code)), "create-success");
      const { client, delays } = makeClient(fetch);
      const result = await client.createTask({ prompt: "x", promptOptimizer: true });
      expect(result).toEqual({ ok: true, data: { taskId: TASK } });
      expect(calls).toHaveLength(2);
      expect(delays).toHaveLength(1);
    },
  );

  it("recognises refusals wrapped in an AggregateError", async () => {
    const aggregate = new AggregateError([socketError("ECONNREFUSED"), socketError("ENETUNREACH")]);
    const { fetch } = fakeFetch(throwing(new TypeError("fetch failed", { cause: aggregate })));
    const { client } = makeClient(fetch, { maxRetries: 0 });
    const error = expectError(await client.createTask({ prompt: "x", promptOptimizer: true }));
    expect(error).toMatchObject({ kind: "network", retryable: true });
  });

  it("stays ambiguous when only some of the attempts were refused", async () => {
    const aggregate = new AggregateError([socketError("ECONNREFUSED"), socketError("ECONNRESET")]);
    const { fetch, calls } = fakeFetch(
      throwing(new TypeError("fetch failed", { cause: aggregate })),
    );
    const { client } = makeClient(fetch);
    const error = expectError(await client.createTask({ prompt: "x", promptOptimizer: true }));
    expect(error).toMatchObject({ kind: "ambiguous", retryable: false });
    expect(calls).toHaveLength(1);
  });

  it("reports a malformed base URL as a network error without throwing", async () => {
    const { fetch, calls } = fakeFetch("credits");
    const { client } = makeClient(fetch, { baseUrl: "not a url" });
    expect(expectError(await client.credits()).kind).toBe("network");
    expect(calls).toHaveLength(0);
  });
});

describe("against real sockets", () => {
  let server: Server | undefined;
  afterEach(() => {
    server?.closeAllConnections();
    server?.close();
    server = undefined;
  });

  async function listen(handler: Parameters<typeof createServer>[1]): Promise<string> {
    server = createServer(handler);
    await new Promise<void>((done) => server?.listen(0, "127.0.0.1", done));
    return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  }

  it("classifies a refused connection as network", async () => {
    const baseUrl = await listen(() => {});
    server?.close();
    const { client } = makeClient(fetch, { baseUrl, maxRetries: 0 });
    const error = expectError(await client.createTask({ prompt: "x", promptOptimizer: true }));
    expect(error).toMatchObject({ kind: "network", retryable: true });
  });

  it("sends a createTask only once when the server drops the connection", async () => {
    let received = 0;
    const baseUrl = await listen((req) => {
      received++;
      req.socket.destroy();
    });
    const { client } = makeClient(fetch, { baseUrl });
    const error = expectError(await client.createTask({ prompt: "x", promptOptimizer: true }));
    expect(error).toMatchObject({ kind: "ambiguous", retryable: false });
    expect(received).toBe(1);
  });

  it("gives up on a silent server within the timeout", async () => {
    const baseUrl = await listen(() => {});
    const { client } = makeClient(fetch, { baseUrl, timeoutMs: 100, maxRetries: 0 });
    const started = performance.now();
    expect(expectError(await client.credits()).kind).toBe("ambiguous");
    expect(performance.now() - started).toBeLessThan(2000);
  });
});

describe("read rate limit", () => {
  it("spaces recordInfo calls to maxReadsPerSecond per rolling second", async () => {
    let clock = 0;
    const sentAt: number[] = [];
    const record = async () => {
      sentAt.push(clock);
      const f = fixture("record-success");
      return new Response(f.body, { status: f.status, headers: f.headers });
    };
    const { client, delays } = makeClient(fakeFetch(record).fetch, {
      maxReadsPerSecond: 2,
      now: () => clock,
      sleep: async (ms) => {
        delays.push(ms);
        clock += ms;
      },
    });
    for (let i = 0; i < 5; i++) await client.recordInfo(TASK);
    expect(sentAt).toEqual([0, 0, 1000, 1000, 2000]);
  });

  it("does not hold back task creation", async () => {
    const { fetch, calls } = fakeFetch("create-success");
    const { client, delays } = makeClient(fetch, { maxReadsPerSecond: 1, now: () => 0 });
    for (let i = 0; i < 3; i++) await client.createTask({ prompt: "x", promptOptimizer: true });
    expect(calls).toHaveLength(3);
    expect(delays).toEqual([]);
  });
});

describe("server errors on reads", () => {
  it.each([
    ["body-500", 500, 200, "kie.ai had a server error: Internal server error"],
    ["http-500", 500, 500, "kie.ai had a server error: Internal server error"],
    ["http-502-html", null, 502, "kie.ai had a server error"],
    ["http-503-text", null, 503, "kie.ai had a server error"],
    ["http-504-html", null, 504, "kie.ai had a server error"],
  ] as const)("%s is a server error worth asking again", (name, code, httpStatus, message) => {
    const f = fixture(name);
    const how = { op: "read", schema: recordDataSchema, secret: KEY } as const;
    const error = expectError(interpretResponse(how, f.status, f.body));
    expect(error).toEqual({ kind: "server", code, httpStatus, retryable: true, message });
  });

  it("asks recordInfo again after a 502", async () => {
    const { fetch, calls } = fakeFetch("http-502-html", "record-success");
    const { client } = makeClient(fetch);
    const result = await client.recordInfo(TASK);
    expect(result.ok).toBe(true);
    expect(calls).toHaveLength(2);
  });
});

describe("response size", () => {
  const MiB = 1024 * 1024;

  // A body that never ends: 64 KiB chunks for as long as someone reads, counting what was pulled.
  function endless(status: number, headers: Record<string, string> = {}) {
    const pulled = { bytes: 0, cancelled: false };
    const reply = async () =>
      new Response(
        new ReadableStream<Uint8Array>({
          pull(controller) {
            pulled.bytes += 64 * 1024;
            controller.enqueue(new Uint8Array(64 * 1024).fill(0x61));
          },
          cancel() {
            pulled.cancelled = true;
          },
        }),
        { status, headers },
      );
    return { reply, pulled };
  }

  it("stops reading an endless createTask answer past 1 MiB: outcome unknown, not resent", async () => {
    const { reply, pulled } = endless(200, { "content-type": "application/json" });
    const { fetch, calls } = fakeFetch(reply, "create-success");
    const { client } = makeClient(fetch);
    const error = expectError(await client.createTask({ prompt: "x", promptOptimizer: true }));
    expect(error).toMatchObject({ kind: "ambiguous", httpStatus: 200, retryable: false });
    expect(error.message).toBe(
      "kie.ai's answer was larger than 1 MiB and was not read; the task may or may not have been created",
    );
    expect(mayHaveBeenProcessed(error)).toBe(true);
    expect(calls).toHaveLength(1);
    expect(pulled.cancelled).toBe(true);
    expect(pulled.bytes).toBeLessThanOrEqual(MiB + 3 * 64 * 1024);
    expect(calls[0]?.init.signal?.aborted).toBe(true);
  });

  it("reads an oversized recordInfo answer as a bad response", async () => {
    const { reply, pulled } = endless(200);
    const { client } = makeClient(fakeFetch(reply).fetch);
    const error = expectError(await client.recordInfo(TASK));
    expect(error).toMatchObject({ kind: "bad_response", httpStatus: 200, retryable: false });
    expect(error.message).toBe(
      "kie.ai sent a response the studio could not read: it was larger than 1 MiB",
    );
    expect(pulled.bytes).toBeLessThanOrEqual(MiB + 3 * 64 * 1024);
  });

  it("refuses a declared length over the cap without reading the body", async () => {
    const { reply, pulled } = endless(500, { "content-length": String(50 * MiB) });
    const { client } = makeClient(fakeFetch(reply).fetch, { maxRetries: 0 });
    const error = expectError(await client.credits());
    expect(error).toMatchObject({ kind: "bad_response", httpStatus: 500 });
    expect(pulled.bytes).toBeLessThanOrEqual(2 * 64 * 1024);
  });

  it("reads an answer just under the cap", async () => {
    const padding = "x".repeat(MiB - 200);
    const body = JSON.stringify({ code: 200, msg: padding, data: { taskId: TASK } });
    const { client } = makeClient(fakeFetch(async () => new Response(body)).fetch);
    const result = await client.createTask({ prompt: "x", promptOptimizer: true });
    expect(result).toEqual({ ok: true, data: { taskId: TASK } });
  });
});

describe("admission to kie.ai's per-account limits", () => {
  it("holds a createTask back without sending it when there is no room", async () => {
    const { fetch, calls } = fakeFetch("create-success");
    const asked: string[] = [];
    const { client } = makeClient(fetch, {
      admit: async (call) => {
        asked.push(call);
        return 1500;
      },
    });
    const error = expectError(await client.createTask({ prompt: "x", promptOptimizer: true }));
    expect(error).toMatchObject({
      kind: "rate_limited",
      retryable: true,
      retryAfterMs: 1500,
      heldBack: true,
    });
    expect(mayHaveBeenProcessed(error)).toBe(false);
    expect(asked).toEqual(["createTask"]);
    expect(calls).toHaveLength(0);
  });

  it("asks again before every resend, and for recordInfo but not for credits", async () => {
    const { fetch, calls } = fakeFetch("body-429", "create-success");
    const asked: string[] = [];
    const { client } = makeClient(fetch, {
      admit: async (call) => {
        asked.push(call);
        return 0;
      },
    });
    expect((await client.createTask({ prompt: "x", promptOptimizer: true })).ok).toBe(true);
    expect(asked).toEqual(["createTask", "createTask"]);
    expect(calls).toHaveLength(2);
    const reads = makeClient(fakeFetch("record-success").fetch, {
      admit: async (call) => {
        asked.push(call);
        return 0;
      },
    });
    await reads.client.recordInfo(TASK);
    await makeClient(fakeFetch("credits").fetch, {
      admit: async (call) => {
        asked.push(call);
        return 0;
      },
    }).client.credits();
    expect(asked).toEqual(["createTask", "createTask", "recordInfo"]);
  });
});
