import type { z } from "zod";
import { type KieError, type KieResult, makeKieError, messageFor } from "./errors";
import { interpretExchange, type Operation } from "./interpret";
import {
  checkChoice,
  DEFAULT_MODEL,
  describeChoiceProblems,
  type GenerationChoice,
} from "./models";
import { createRateLimiter, defaultSleep } from "./rate-limiter";
import {
  createTaskDataSchema,
  creditsDataSchema,
  downloadUrlDataSchema,
  type KieTaskRecord,
  recordDataSchema,
  toTaskRecord,
  uploadDataSchema,
} from "./schemas";
import { exchange, MAX_RESPONSE_BYTES } from "./transport";

export {
  isRecordNotReady,
  type KieError,
  type KieErrorKind,
  type KieResult,
  mayHaveBeenProcessed,
} from "./errors";
export type { KieTaskRecord, KieTaskState } from "./schemas";

/** The calls kie.ai counts per account or key: new tasks, and task reads. */
export type KieLimitedCall = "createTask" | "recordInfo";

export interface KieClientOptions {
  baseUrl: string;
  /** kie.ai's File Upload API (https://kieai.redpandaai.co); uploads are refused when unset. */
  uploadBaseUrl?: string;
  apiKey: string;
  /** Per request (headers and body), default 15000. */
  timeoutMs?: number;
  /** Extra attempts for retryable errors, default 3. */
  maxRetries?: number;
  /** Backoff base, default 500: full jitter over base·2^attempt, capped by retryMaxMs. */
  retryBaseMs?: number;
  /** Longest single wait between attempts, default 10000. A longer Retry-After is returned. */
  retryMaxMs?: number;
  /** The longest response body read, default 1 MiB; a longer one is not an answer from kie. */
  maxResponseBytes?: number;
  fetch?: typeof fetch;
  sleep?: (ms: number) => Promise<void>;
  /**
   * Asked before every request kie.ai counts (each resend too): resolves to 0 when it may be sent
   * now, else to how long until there is room; then nothing is sent and the call answers a
   * `heldBack` rate limit. Unset: recordInfo is spaced in this process by maxReadsPerSecond.
   */
  admit?: (call: KieLimitedCall) => Promise<number>;
  /** recordInfo is limited to ~10/s per key; default 8 per rolling second (without `admit`). */
  maxReadsPerSecond?: number;
  /** For tests: the jitter source (0 ≤ x < 1) and the clock. */
  random?: () => number;
  now?: () => number;
}

/** One generation's choice (the default model when none is named), checked before it is sent. */
export type CreateTaskInput = Omit<GenerationChoice, "model"> & {
  model?: GenerationChoice["model"];
  callBackUrl?: string;
};

/** A file for kie.ai's File Upload API: what a task's `image_url` may then point at. */
export interface UploadFileInput {
  bytes: Uint8Array;
  contentType: string;
  /** kie.ai's folder for it, e.g. "hailuo-studio/images". */
  uploadPath: string;
  /** The same name in the same folder replaces the earlier file. */
  fileName: string;
}

export interface KieClient {
  createTask(input: CreateTaskInput): Promise<KieResult<{ taskId: string }>>;
  /** Uploads a file with kie.ai's File Upload API; answers the URL kie.ai can fetch it from. */
  uploadFile(input: UploadFileInput): Promise<KieResult<{ downloadUrl: string }>>;
  recordInfo(taskId: string): Promise<KieResult<KieTaskRecord>>;
  credits(): Promise<KieResult<number>>;
  downloadUrl(url: string): Promise<KieResult<string>>;
}

interface Request<T> {
  method: "GET" | "POST";
  path: string;
  body?: unknown;
  /** A multipart body, sent to the File Upload API's host instead of the API's. */
  upload?: () => FormData;
  op: Operation;
  schema: z.ZodType<T>;
  limited?: KieLimitedCall;
}

export function createKieClient(opts: KieClientOptions): KieClient {
  const config = checkConfig(opts);
  const uploadBaseUrl = opts.uploadBaseUrl ? normalizeBaseUrl(opts.uploadBaseUrl) : null;
  const secret = opts.apiKey.trim();
  const timeoutMs = positive(opts.timeoutMs, 15_000);
  const maxBytes = positive(opts.maxResponseBytes, MAX_RESPONSE_BYTES);
  const maxRetries = Math.floor(nonNegative(opts.maxRetries, 3));
  const retryBaseMs = nonNegative(opts.retryBaseMs, 500);
  const retryMaxMs = nonNegative(opts.retryMaxMs, 10_000);
  const sleep = opts.sleep ?? defaultSleep;
  const random = opts.random ?? Math.random;
  const now = opts.now ?? Date.now;
  const fetchImpl: typeof fetch = opts.fetch ?? ((input, init) => globalThis.fetch(input, init));
  const admit = opts.admit ?? inProcessReadLimit(opts, now, sleep);

  async function call<T>(req: Request<T>): Promise<KieResult<T>> {
    if (!config.ok) return { ok: false, error: { ...config.error } };
    const { baseUrl, apiKey } = config;
    for (let attempt = 0; ; attempt++) {
      if (req.limited) {
        const waitMs = await admit(req.limited);
        if (waitMs > 0) return heldBack(waitMs);
      }
      const host = req.upload ? uploadBaseUrl : baseUrl;
      if (host === null) return localValidation("No kie.ai file upload URL is configured");
      const sent = await exchange({
        fetch: fetchImpl,
        url: `${host}${req.path}`,
        init: {
          method: req.method,
          // Following a redirect would turn the POST into a GET and lose the body.
          redirect: "manual",
          headers: {
            Authorization: `Bearer ${apiKey}`,
            Accept: "application/json",
            // A multipart body sets its own type, with its boundary.
            ...(req.body === undefined ? {} : { "Content-Type": "application/json" }),
          },
          // Made again for each attempt: a body can be read only once.
          body: req.upload
            ? req.upload()
            : req.body === undefined
              ? undefined
              : JSON.stringify(req.body),
        },
        timeoutMs,
        maxBytes,
        now,
      });
      const result = interpretExchange(sent, { op: req.op, schema: req.schema, secret });
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

  return {
    async createTask({ callBackUrl, ...rest }) {
      const choice = { ...rest, model: rest.model ?? DEFAULT_MODEL };
      const checked = checkChoice(choice);
      if (!checked.ok) return localValidation(describeChoiceProblems(choice, checked.problems));
      if (callBackUrl !== undefined && !isHttpUrl(callBackUrl)) {
        return localValidation("The callback URL is not a valid http(s) URL");
      }
      return call({
        method: "POST",
        path: "/api/v1/jobs/createTask",
        op: "write",
        schema: createTaskDataSchema,
        limited: "createTask",
        body: {
          model: choice.model,
          ...(callBackUrl === undefined ? {} : { callBackUrl }),
          input: checked.input,
        },
      });
    },

    async uploadFile(input) {
      if (input.bytes.byteLength === 0) return localValidation("The file to upload is empty");
      // The same name again replaces the file at kie.ai, so a resend is as safe as a read.
      const result = await call({
        method: "POST",
        path: "/api/file-stream-upload",
        op: "read",
        schema: uploadDataSchema,
        upload: () => {
          const form = new FormData();
          const blob = new Blob([new Uint8Array(input.bytes)], { type: input.contentType });
          form.append("file", blob, input.fileName);
          form.append("uploadPath", input.uploadPath);
          form.append("fileName", input.fileName);
          return form;
        },
      });
      return result.ok ? { ok: true, data: { downloadUrl: result.data.downloadUrl } } : result;
    },

    async recordInfo(taskId) {
      const id = taskId.trim();
      if (id === "") return localValidation("A task id is required");
      const result = await call({
        method: "GET",
        path: `/api/v1/jobs/recordInfo?taskId=${encodeURIComponent(id)}`,
        op: "read",
        schema: recordDataSchema,
        limited: "recordInfo",
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

function heldBack<T>(waitMs: number): KieResult<T> {
  return {
    ok: false,
    error: makeKieError({
      kind: "rate_limited",
      message: "The studio is holding this request back to stay within kie.ai's rate limits",
      retryable: true,
      retryAfterMs: waitMs,
      heldBack: true,
    }),
  };
}

// Without a shared limiter, recordInfo is at least spaced within this process.
function inProcessReadLimit(
  opts: KieClientOptions,
  now: () => number,
  sleep: (ms: number) => Promise<void>,
): (call: KieLimitedCall) => Promise<number> {
  const reads = createRateLimiter({ perSecond: positive(opts.maxReadsPerSecond, 8), now, sleep });
  return async (call) => {
    if (call === "recordInfo") await reads.acquire();
    return 0;
  };
}
