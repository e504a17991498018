import type { z } from "zod";
import {
  cleanDetail,
  type KieError,
  type KieErrorKind,
  type KieResult,
  kindForCode,
  makeKieError,
  messageFor,
} from "./errors";
import { checkPrompt, HAILUO_PRO_MODEL, PROMPT_MAX } from "./prompt";
import { createRateLimiter, defaultSleep } from "./rate-limiter";
import {
  createTaskDataSchema,
  creditsDataSchema,
  downloadUrlDataSchema,
  envelopeMessage,
  envelopeSchema,
  type KieTaskRecord,
  recordDataSchema,
  toTaskRecord,
} from "./schemas";

export {
  isRecordNotReady,
  type KieError,
  type KieErrorKind,
  type KieResult,
  mayHaveBeenProcessed,
} from "./errors";
export type { KieTaskRecord, KieTaskState } from "./schemas";

export interface KieClientOptions {
  baseUrl: string;
  apiKey: string;
  /** Per request (headers and body), default 15000. */
  timeoutMs?: number;
  /** Extra attempts for retryable errors, default 3. */
  maxRetries?: number;
  /** Backoff base, default 500: full jitter over base·2^attempt, capped by retryMaxMs. */
  retryBaseMs?: number;
  /** Longest single wait between attempts, default 10000. A longer Retry-After is returned. */
  retryMaxMs?: number;
  fetch?: typeof fetch;
  sleep?: (ms: number) => Promise<void>;
  /** recordInfo is limited to ~10/s per key; default 8 per rolling second. */
  maxReadsPerSecond?: number;
  /** For tests: the jitter source (0 ≤ x < 1) and the clock. */
  random?: () => number;
  now?: () => number;
}

export interface CreateTaskInput {
  prompt: string;
  promptOptimizer: boolean;
  callBackUrl?: string;
  model?: string;
}

export interface KieClient {
  createTask(input: CreateTaskInput): Promise<KieResult<{ taskId: string }>>;
  recordInfo(taskId: string): Promise<KieResult<KieTaskRecord>>;
  credits(): Promise<KieResult<number>>;
  downloadUrl(url: string): Promise<KieResult<string>>;
}

// A write is retried only when kie certainly did not act on it; a read whenever it may help.
type Operation = "write" | "read";
const RETRY_ON: Record<Operation, ReadonlySet<KieErrorKind>> = {
  write: new Set(["rate_limited", "maintenance", "server", "network"]),
  read: new Set(["rate_limited", "maintenance", "server", "network", "ambiguous"]),
};

interface Request<T> {
  method: "GET" | "POST";
  path: string;
  body?: unknown;
  op: Operation;
  schema: z.ZodType<T>;
  rateLimited?: boolean;
}

export function createKieClient(opts: KieClientOptions): KieClient {
  const config = checkConfig(opts);
  // Redacted from anything kie says back, in case a message ever echoes the key.
  const secret = opts.apiKey.trim();
  const timeoutMs = positive(opts.timeoutMs, 15_000);
  const maxRetries = Math.floor(nonNegative(opts.maxRetries, 3));
  const retryBaseMs = nonNegative(opts.retryBaseMs, 500);
  const retryMaxMs = nonNegative(opts.retryMaxMs, 10_000);
  const sleep = opts.sleep ?? defaultSleep;
  const random = opts.random ?? Math.random;
  const now = opts.now ?? Date.now;
  const fetchImpl: typeof fetch = opts.fetch ?? ((input, init) => globalThis.fetch(input, init));
  const readLimiter = createRateLimiter({
    perSecond: positive(opts.maxReadsPerSecond, 8),
    now,
    sleep,
  });

  async function call<T>(req: Request<T>): Promise<KieResult<T>> {
    if (!config.ok) return { ok: false, error: { ...config.error } };
    const { baseUrl, apiKey } = config;
    for (let attempt = 0; ; attempt++) {
      if (req.rateLimited) await readLimiter.acquire();
      const sent = await sendOnce({
        fetch: fetchImpl,
        url: `${baseUrl}${req.path}`,
        init: {
          method: req.method,
          // Following a redirect would turn the POST into a GET and lose the body.
          redirect: "manual",
          headers: {
            Authorization: `Bearer ${apiKey}`,
            Accept: "application/json",
            ...(req.body === undefined ? {} : { "Content-Type": "application/json" }),
          },
          body: req.body === undefined ? undefined : JSON.stringify(req.body),
        },
        timeoutMs,
        now,
      });
      const result = interpret(sent, req);
      if (result.ok) return result;
      const { error } = result;
      if (!error.retryable || attempt >= maxRetries) return result;
      if (error.retryAfterMs !== undefined && error.retryAfterMs > retryMaxMs) return result;
      await sleep(backoffDelay(attempt, error.retryAfterMs));
    }
  }

  function backoffDelay(attempt: number, retryAfterMs: number | undefined): number {
    const ceiling = Math.min(retryMaxMs, retryBaseMs * 2 ** attempt);
    const jittered = Math.floor(random() * ceiling);
    return retryAfterMs === undefined ? jittered : Math.max(jittered, retryAfterMs);
  }

  function fail<T>(
    req: Request<T>,
    kind: KieErrorKind,
    extra: { code?: number | null; httpStatus?: number | null; detail?: string | null },
  ): KieResult<T> {
    const detail = extra.detail ?? null;
    return {
      ok: false,
      error: makeKieError({
        kind,
        code: extra.code ?? null,
        httpStatus: extra.httpStatus ?? null,
        message: messageFor(kind, detail),
        retryable: RETRY_ON[req.op].has(kind),
      }),
    };
  }

  function interpret<T>(sent: Sent, req: Request<T>): KieResult<T> {
    if (sent.kind === "timeout") {
      const seconds = Math.round(timeoutMs / 100) / 10;
      const detail =
        req.op === "write"
          ? `kie.ai did not answer within ${seconds} s; the task may or may not have been created`
          : `kie.ai did not answer within ${seconds} s`;
      return withMessage(fail(req, "ambiguous", {}), detail);
    }
    if (sent.kind === "failed") {
      return sent.neverSent ? fail(req, "network", {}) : fail(req, "ambiguous", {});
    }

    const { status, text } = sent;
    const result = interpretBody(req, status, text);
    if (!result.ok && sent.retryAfterMs !== null) {
      result.error.retryAfterMs = sent.retryAfterMs;
    }
    return result;
  }

  function interpretBody<T>(req: Request<T>, status: number, text: string): KieResult<T> {
    const envelope = envelopeSchema.safeParse(parseJson(text));
    if (!envelope.success) {
      if (status >= 400) return failForStatus(req, status);
      const detail = text.trim() === "" ? "the response was empty" : "the response was not JSON";
      return withDetail(fail(req, "bad_response", { httpStatus: status }), detail);
    }
    const env = envelope.data;
    // The body's code is the truth: kie answers errors with HTTP 200 and an error code.
    if (env.code !== 200) {
      const detail = cleanDetail(envelopeMessage(env), secret);
      return fail(req, kindForCode(env.code), { code: env.code, httpStatus: status, detail });
    }
    // Code 200 inside an HTTP error came from something between us and kie.
    if (status < 200 || status >= 300) return failForStatus(req, status);
    const data = req.schema.safeParse(env.data);
    if (!data.success) {
      return withDetail(
        fail(req, "bad_response", { code: 200, httpStatus: status }),
        "the data had an unexpected shape",
      );
    }
    return { ok: true, data: data.data };
  }

  function failForStatus<T>(req: Request<T>, status: number): KieResult<T> {
    // A gateway timeout means the request reached something that gave up waiting on kie.
    if (status === 504 && req.op === "write") {
      return withMessage(
        fail(req, "ambiguous", { httpStatus: status }),
        "A gateway timed out waiting for kie.ai; the task may or may not have been created",
      );
    }
    return fail(req, kindForCode(status), { httpStatus: status });
  }

  return {
    async createTask(input) {
      const prompt = checkPrompt(input.prompt);
      if (!prompt.ok) {
        const message =
          prompt.problem === "empty"
            ? "The prompt is empty"
            : `The prompt is ${prompt.length} characters long; kie.ai accepts at most ${PROMPT_MAX}`;
        return localValidation(message);
      }
      const model = input.model?.trim() || HAILUO_PRO_MODEL;
      if (input.callBackUrl !== undefined && !isHttpUrl(input.callBackUrl)) {
        return localValidation("The callback URL is not a valid http(s) URL");
      }
      return call({
        method: "POST",
        path: "/api/v1/jobs/createTask",
        op: "write",
        schema: createTaskDataSchema,
        body: {
          model,
          ...(input.callBackUrl === undefined ? {} : { callBackUrl: input.callBackUrl }),
          input: { prompt: input.prompt, prompt_optimizer: input.promptOptimizer },
        },
      });
    },

    async recordInfo(taskId) {
      const id = taskId.trim();
      if (id === "") return localValidation("A task id is required");
      const result = await call({
        method: "GET",
        path: `/api/v1/jobs/recordInfo?taskId=${encodeURIComponent(id)}`,
        op: "read",
        schema: recordDataSchema,
        rateLimited: true,
      });
      if (!result.ok) return result;
      const record = toTaskRecord(result.data, id);
      if (record.taskId !== id) {
        return {
          ok: false,
          error: makeKieError({
            kind: "bad_response",
            code: 200,
            message: `${messageFor("bad_response", null)}: it described another task`,
          }),
        };
      }
      return { ok: true, data: record };
    },

    credits() {
      return call({
        method: "GET",
        path: "/api/v1/chat/credit",
        op: "read",
        schema: creditsDataSchema,
      });
    },

    async downloadUrl(url) {
      if (!isHttpUrl(url)) return localValidation("The file URL is not a valid http(s) URL");
      // Minting a temporary link changes nothing at kie, so it may be retried like a read.
      return call({
        method: "POST",
        path: "/api/v1/common/download-url",
        op: "read",
        schema: downloadUrlDataSchema,
        body: { url },
      });
    },
  };
}

type Sent =
  | { kind: "response"; status: number; text: string; retryAfterMs: number | null }
  | { kind: "timeout" }
  | { kind: "failed"; neverSent: boolean };

// One HTTP exchange, headers and body, bounded by timeoutMs even if the injected fetch
// ignores its abort signal.
async function sendOnce(args: {
  fetch: typeof fetch;
  url: string;
  init: RequestInit;
  timeoutMs: number;
  now: () => number;
}): Promise<Sent> {
  const controller = new AbortController();
  let timer: ReturnType<typeof setTimeout> | undefined;
  const deadline = new Promise<Sent>((resolve) => {
    timer = setTimeout(() => {
      resolve({ kind: "timeout" });
      controller.abort();
    }, args.timeoutMs);
  });
  const work = (async (): Promise<Sent> => {
    const res = await args.fetch(args.url, { ...args.init, signal: controller.signal });
    const text = await res.text();
    const retryAfterMs = parseRetryAfter(res.headers.get("retry-after"), args.now());
    return { kind: "response", status: res.status, text, retryAfterMs };
  })().catch((error: unknown): Sent => ({ kind: "failed", neverSent: wasNeverSent(error) }));
  try {
    return await Promise.race([work, deadline]);
  } finally {
    clearTimeout(timer);
  }
}

// Failures that happen before a single byte of the request leaves: resending cannot duplicate.
const NEVER_SENT_CODES = new Set([
  "ECONNREFUSED",
  "ENOTFOUND",
  "EAI_AGAIN",
  "EHOSTUNREACH",
  "ENETUNREACH",
  "EADDRNOTAVAIL",
  "UND_ERR_CONNECT_TIMEOUT",
  "ERR_INVALID_URL",
  "CERT_HAS_EXPIRED",
  "DEPTH_ZERO_SELF_SIGNED_CERT",
  "SELF_SIGNED_CERT_IN_CHAIN",
  "UNABLE_TO_VERIFY_LEAF_SIGNATURE",
  "ERR_TLS_CERT_ALTNAME_INVALID",
]);

// Node's fetch wraps the socket error in `cause` (sometimes an AggregateError of attempts).
// Without a recognised code we cannot know, so the answer is "it may have been sent".
function wasNeverSent(error: unknown): boolean {
  const codes: string[] = [];
  const pending: unknown[] = [error];
  for (let seen = 0; pending.length > 0 && seen < 20; seen++) {
    const current = pending.shift();
    if (typeof current !== "object" || current === null) continue;
    const { code, cause, errors } = current as {
      code?: unknown;
      cause?: unknown;
      errors?: unknown;
    };
    if (typeof code === "string") codes.push(code);
    if (cause !== undefined) pending.push(cause);
    if (Array.isArray(errors)) pending.push(...errors);
  }
  return codes.length > 0 && codes.every((code) => NEVER_SENT_CODES.has(code));
}

function parseRetryAfter(value: string | null, nowMs: number): number | null {
  if (value === null || value.trim() === "") return null;
  const trimmed = value.trim();
  if (/^\d+$/.test(trimmed)) return Number(trimmed) * 1000;
  const at = Date.parse(trimmed);
  return Number.isNaN(at) ? null : Math.max(0, at - nowMs);
}

// Printable ASCII without spaces: anything else cannot travel in a header, and fetch's own
// error for it would quote the key.
const KEY_PATTERN = /^[\x21-\x7e]+$/;

// Configuration problems are answered per call rather than thrown, so callers have one path.
function checkConfig(
  opts: KieClientOptions,
): { ok: true; baseUrl: string; apiKey: string } | { ok: false; error: KieError } {
  const baseUrl = normalizeBaseUrl(opts.baseUrl);
  const apiKey = opts.apiKey.trim();
  if (baseUrl === null) {
    const message = "The kie.ai base URL is not a valid URL";
    return {
      ok: false,
      error: makeKieError({ kind: "network", reason: "base_url_invalid", message }),
    };
  }
  if (apiKey === "") {
    const message = "No kie.ai API key is configured";
    return { ok: false, error: makeKieError({ kind: "auth", reason: "key_missing", message }) };
  }
  if (!KEY_PATTERN.test(apiKey)) {
    const message = "The kie.ai API key contains characters that cannot be sent";
    return { ok: false, error: makeKieError({ kind: "auth", reason: "key_unsendable", message }) };
  }
  return { ok: true, baseUrl, apiKey };
}

function localValidation<T>(message: string): KieResult<T> {
  return {
    ok: false,
    error: makeKieError({ kind: "validation", reason: "request_invalid", message }),
  };
}

function withMessage<T>(result: KieResult<T>, message: string): KieResult<T> {
  if (!result.ok) result.error.message = message;
  return result;
}

function withDetail<T>(result: KieResult<T>, detail: string): KieResult<T> {
  if (!result.ok) result.error.message = `${result.error.message}: ${detail}`;
  return result;
}

function parseJson(text: string): unknown {
  if (text.trim() === "") return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

function normalizeBaseUrl(raw: string): string | null {
  try {
    const url = new URL(raw.trim());
    if (url.protocol !== "https:" && url.protocol !== "http:") return null;
    return url.toString().replace(/\/+$/, "");
  } catch {
    return null;
  }
}

function isHttpUrl(s: string): boolean {
  return normalizeBaseUrl(s) !== null;
}

function positive(value: number | undefined, fallback: number): number {
  return value !== undefined && Number.isFinite(value) && value > 0 ? value : fallback;
}

function nonNegative(value: number | undefined, fallback: number): number {
  return value !== undefined && Number.isFinite(value) && value >= 0 ? value : fallback;
}
