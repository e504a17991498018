import { Buffer } from "node:buffer";
import { createHmac, timingSafeEqual } from "node:crypto";
import { callbackBodySchema, type KieTaskState, stateSchema } from "./schemas";

export const MAX_CALLBACK_BYTES = 64 * 1024;
const MAX_DEPTH = 32;
const MAX_TASK_ID = 256;
const DEFAULT_WINDOW_SEC = 300;

export interface ParsedCallback {
  taskId: string | null;
  state: KieTaskState | null;
  code: number | null;
  creditsConsumed: number | null;
  failCode: string | null;
  failMsg: string | null;
}

export type ParseCallbackResult =
  | { ok: true; callback: ParsedCallback }
  | { ok: false; error: string };

/**
 * Reads kie.ai's callback body. Only the task id is trustworthy (it is what the signature
 * covers), so the rest is a hint and the caller confirms with recordInfo. Never throws.
 */
export function parseCallbackBody(raw: string): ParseCallbackResult {
  try {
    return parse(raw);
  } catch {
    return { ok: false, error: "callback body could not be read" };
  }
}

function parse(raw: string): ParseCallbackResult {
  if (typeof raw !== "string") return { ok: false, error: "callback body is not text" };
  if (Buffer.byteLength(raw, "utf8") > MAX_CALLBACK_BYTES) {
    return { ok: false, error: "callback body is too large" };
  }
  if (nestingDepth(raw) > MAX_DEPTH)
    return { ok: false, error: "callback body is nested too deeply" };
  let json: unknown;
  try {
    json = JSON.parse(raw);
  } catch {
    return { ok: false, error: "callback body is not valid JSON" };
  }
  const body = callbackBodySchema.safeParse(json);
  if (!body.success) {
    const issue = body.error.issues[0];
    const where = issue && issue.path.length > 0 ? issue.path.join(".") : "body";
    return { ok: false, error: `callback ${where} is invalid: ${issue?.message ?? "wrong shape"}` };
  }
  const { data } = body.data;

  // kie's pages put the id in three places; two different ids is not a callback to act on.
  const ids = new Set(
    [data?.taskId, data?.task_id, body.data.taskId]
      .map((id) => id?.trim())
      .filter((id): id is string => id !== undefined && id !== ""),
  );
  if (ids.size > 1) return { ok: false, error: "callback names conflicting task ids" };
  const [taskId = null] = ids;
  if (taskId !== null && taskId.length > MAX_TASK_ID) {
    return { ok: false, error: "callback task id is too long" };
  }

  const state = stateSchema.safeParse(data?.state);
  return {
    ok: true,
    callback: {
      taskId,
      state: state.success ? state.data : null,
      code: body.data.code ?? null,
      creditsConsumed: data?.creditsConsumed ?? null,
      failCode: blankToNull(data?.failCode),
      failMsg: blankToNull(data?.failMsg),
    },
  };
}

function blankToNull(s: string | null | undefined): string | null {
  return s === undefined || s === null || s.trim() === "" ? null : s;
}

// JSON.parse copes with deep nesting, but whatever walks the value next may not; a callback
// is a flat object, so anything deeper than a little is refused before parsing.
function nestingDepth(raw: string): number {
  let depth = 0;
  let max = 0;
  let inString = false;
  for (let i = 0; i < raw.length; i++) {
    const c = raw[i];
    if (inString) {
      if (c === "\\") i++;
      else if (c === '"') inString = false;
    } else if (c === '"') inString = true;
    else if (c === "{" || c === "[") max = Math.max(max, ++depth);
    else if (c === "}" || c === "]") depth--;
  }
  return max;
}

/** base64(HMAC-SHA256(taskId + "." + timestamp, key)), as kie.ai signs its callbacks. */
export function signCallback(taskId: string, timestampSec: number, key: string): string {
  return hmac(taskId, String(timestampSec), key);
}

function hmac(taskId: string, timestamp: string, key: string): string {
  return createHmac("sha256", key).update(`${taskId}.${timestamp}`).digest("base64");
}

export type SignatureCheck = "ok" | "missing" | "stale" | "invalid";

export function verifyCallbackSignature(args: {
  taskId: string;
  timestamp: string | null;
  signature: string | null;
  key: string;
  nowMs?: number;
  windowSec?: number;
}): SignatureCheck {
  const timestamp = args.timestamp?.trim() ?? "";
  const signature = args.signature?.trim() ?? "";
  if (timestamp === "" || signature === "") return "missing";
  if (args.key === "" || args.taskId === "" || !/^\d{1,15}$/.test(timestamp)) return "invalid";

  // Signed over the timestamp exactly as received, so a re-formatted number cannot match.
  const expected = Buffer.from(hmac(args.taskId, timestamp, args.key), "utf8");
  const given = Buffer.from(signature, "utf8");
  // timingSafeEqual throws on unequal lengths; the length of a valid signature is public.
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return "invalid";

  const nowMs = args.nowMs ?? Date.now();
  const windowSec = args.windowSec ?? DEFAULT_WINDOW_SEC;
  if (Math.abs(nowMs - Number(timestamp) * 1000) > windowSec * 1000) return "stale";
  return "ok";
}
