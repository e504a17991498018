export const KIE_ERROR_KINDS = [
  "auth", // 401 (and 403): key missing, invalid or refused
  "credits", // 402
  "not_found", // 404
  "validation", // 422 / 400 (message = kie's msg)
  "rate_limited", // 429 (HTTP 429 or body code 429)
  "quota", // 433 sub-key usage cap
  "maintenance", // 455
  "server", // 500 and other 5xx
  "generation_failed", // 501
  "feature_disabled", // 505
  "ambiguous", // request sent but no response arrived: may or may not have happened
  "network", // could not connect at all: the request certainly was not processed
  "bad_response", // unparseable / unexpected body
] as const;

export type KieErrorKind = (typeof KIE_ERROR_KINDS)[number];

/**
 * Problems the studio found before or instead of asking kie.ai: its own words, so a screen can
 * say them in the reader's language rather than as something kie.ai said.
 */
export const KIE_LOCAL_REASONS = [
  "key_missing", // no API key is configured at all
  "key_unsendable", // the key has characters an HTTP header cannot carry
  "key_unreadable", // the workspace's stored key was sealed under another AUTH_SECRET
  "base_url_invalid", // KIE_BASE_URL is not a URL
  "request_invalid", // the studio would have sent kie.ai an invalid request
] as const;

export type KieLocalReason = (typeof KIE_LOCAL_REASONS)[number];

export interface KieError {
  kind: KieErrorKind;
  /** Set when the studio itself stopped the call; then `message` is the studio's, not kie's. */
  reason?: KieLocalReason;
  code: number | null;
  httpStatus: number | null;
  message: string;
  /** Whether sending the same call again later is safe and may help. */
  retryable: boolean;
  /** Set when kie.ai (or a proxy) asked us to wait, via a Retry-After header. */
  retryAfterMs?: number;
  /**
   * Set when the studio held the call back itself, to stay within kie.ai's per-account limits:
   * nothing was sent, and `retryAfterMs` says when there is room again.
   */
  heldBack?: true;
}

export type KieResult<T> = { ok: true; data: T } | { ok: false; error: KieError };

const FIXED_MESSAGES: Record<KieErrorKind, string> = {
  auth: "The workspace's kie.ai API key was rejected",
  credits: "Not enough kie.ai credits",
  not_found: "kie.ai could not find the task or endpoint",
  validation: "kie.ai rejected the request as invalid",
  rate_limited: "kie.ai is rate limiting requests",
  quota: "The kie.ai key's usage cap has been reached",
  maintenance: "kie.ai is under maintenance",
  server: "kie.ai had a server error",
  generation_failed: "kie.ai could not generate the video",
  feature_disabled: "This kie.ai feature is disabled",
  ambiguous: "kie.ai did not answer; the request may or may not have been processed",
  network: "Could not connect to kie.ai",
  bad_response: "kie.ai sent a response the studio could not read",
};

// Kinds where kie's own words tell the user something our fixed sentence cannot.
const DETAIL_KINDS = new Set<KieErrorKind>([
  "not_found",
  "server",
  "generation_failed",
  "feature_disabled",
]);

export function kindForCode(code: number): KieErrorKind {
  switch (code) {
    case 400:
    case 422:
      return "validation";
    case 401:
    case 403:
      return "auth";
    case 402:
      return "credits";
    case 404:
      return "not_found";
    case 429:
      return "rate_limited";
    case 433:
      return "quota";
    case 455:
      return "maintenance";
    case 501:
      return "generation_failed";
    case 505:
      return "feature_disabled";
  }
  if (code >= 500 && code <= 599) return "server";
  if (code >= 400 && code <= 499) return "validation";
  return "bad_response";
}

const MAX_DETAIL = 300;

// kie's msg is shown to users: keep it short, printable and free of the secret key.
export function cleanDetail(detail: string | null | undefined, secret: string): string | null {
  if (typeof detail !== "string") return null;
  // biome-ignore lint/suspicious/noControlCharactersInRegex: stripping control characters is the point
  let text = detail.replace(/[\u0000-\u001f\u007f]+/g, " ").trim();
  if (secret.length > 0) text = text.split(secret).join("[redacted]");
  if (text.length > MAX_DETAIL) text = `${text.slice(0, MAX_DETAIL)}…`;
  return text === "" ? null : text;
}

export function messageFor(kind: KieErrorKind, detail: string | null): string {
  const fixed = FIXED_MESSAGES[kind];
  if (detail === null) return fixed;
  if (kind === "validation") return detail;
  if (DETAIL_KINDS.has(kind) && detail.toLowerCase() !== "success") return `${fixed}: ${detail}`;
  return fixed;
}

export function makeKieError(args: {
  kind: KieErrorKind;
  code?: number | null;
  httpStatus?: number | null;
  message?: string;
  reason?: KieLocalReason;
  retryable?: boolean;
  retryAfterMs?: number;
  heldBack?: true;
}): KieError {
  const error: KieError = {
    kind: args.kind,
    code: args.code ?? null,
    httpStatus: args.httpStatus ?? null,
    message: args.message ?? FIXED_MESSAGES[args.kind],
    retryable: args.retryable ?? false,
  };
  if (args.reason !== undefined) error.reason = args.reason;
  if (args.retryAfterMs !== undefined) error.retryAfterMs = args.retryAfterMs;
  if (args.heldBack) error.heldBack = true;
  return error;
}

/**
 * The code a generation keeps for a failed submission: the studio's own reason, else kie.ai's
 * code, else the kind of failure. `describeKieFailure` reads it back.
 */
export function failCodeFor(error: KieError): string {
  return error.reason ?? String(error.code ?? error.kind);
}

export type KieFailure =
  | { reason: KieLocalReason }
  | {
      kind: KieErrorKind;
      /** kie.ai's own words, where they say more than the kind does; never the studio's. */
      detail: string | null;
    };

/**
 * What a stored failure code and message mean, for a screen that words them itself: the
 * studio's reason, or kie.ai's kind of failure with kie's own words split off the sentence
 * `messageFor` made. Null for a code this studio did not write.
 */
export function describeKieFailure(code: string | null, message: string | null): KieFailure | null {
  if (code === null) return null;
  if ((KIE_LOCAL_REASONS as readonly string[]).includes(code)) {
    return { reason: code as KieLocalReason };
  }
  const kind = /^\d+$/.test(code)
    ? kindForCode(Number(code))
    : (KIE_ERROR_KINDS as readonly string[]).includes(code)
      ? (code as KieErrorKind)
      : null;
  if (kind === null) return null;
  return { kind, detail: message === null ? null : detailOf(kind, message) };
}

/** The same reading of an error still in hand. */
export function kieFailureOf(error: KieError): KieFailure {
  return (
    describeKieFailure(failCodeFor(error), error.message) ?? { kind: error.kind, detail: null }
  );
}

function detailOf(kind: KieErrorKind, message: string): string | null {
  const fixed = FIXED_MESSAGES[kind];
  if (kind === "validation") return message === fixed ? null : message;
  if (!DETAIL_KINDS.has(kind)) return null;
  return message.startsWith(`${fixed}: `) ? message.slice(fixed.length + 2) : null;
}

/**
 * recordInfo answers 422 "recordInfo is null" for a moment right after createTask: callers
 * should ask again a few times before concluding the task does not exist.
 */
export function isRecordNotReady(err: KieError): boolean {
  return err.kind === "validation" && err.code === 422 && /recordinfo is null/i.test(err.message);
}

/**
 * True when a createTask may have created a task (and spent credits) even though it failed:
 * no answer arrived, or something answered with a success status we could not read.
 * Such submissions must be reconciled, never blindly resent.
 */
export function mayHaveBeenProcessed(err: KieError): boolean {
  if (err.kind === "ambiguous") return true;
  return (
    err.kind === "bad_response" &&
    err.httpStatus !== null &&
    err.httpStatus >= 200 &&
    err.httpStatus < 300
  );
}
