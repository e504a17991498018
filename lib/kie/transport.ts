// One HTTP exchange with kie.ai, reduced to what the interpretation needs to know: the status
// and the body's text, or how the exchange ended without one. No reading of kie's answers here.

/** kie.ai's answers are a few kilobytes; anything near this is not an answer from kie.ai. */
export const MAX_RESPONSE_BYTES = 1024 * 1024;

export type Exchange =
  | { kind: "response"; status: number; text: string; retryAfterMs: number | null }
  /** The body passed the cap: it was not read on, and the connection was cut. */
  | { kind: "too_large"; status: number; maxBytes: number; retryAfterMs: number | null }
  /** Nothing complete arrived within the timeout: the request may have been acted on. */
  | { kind: "timeout"; timeoutMs: number }
  /** fetch failed; `neverSent` when certainly no byte of the request left this machine. */
  | { kind: "failed"; neverSent: boolean };

/**
 * Sends one request and reads its answer, headers and body bounded together by `timeoutMs` even
 * if the injected fetch ignores its abort signal, and the body by `maxBytes` whatever
 * Content-Length claimed.
 */
export async function exchange(args: {
  fetch: typeof fetch;
  url: string;
  init: RequestInit;
  timeoutMs: number;
  maxBytes: number;
  now: () => number;
}): Promise<Exchange> {
  const controller = new AbortController();
  let timer: ReturnType<typeof setTimeout> | undefined;
  const deadline = new Promise<Exchange>((resolve) => {
    timer = setTimeout(() => {
      resolve({ kind: "timeout", timeoutMs: args.timeoutMs });
      controller.abort();
    }, args.timeoutMs);
  });
  const work = (async (): Promise<Exchange> => {
    const res = await args.fetch(args.url, { ...args.init, signal: controller.signal });
    const retryAfterMs = parseRetryAfter(res.headers.get("retry-after"), args.now());
    const body = await readCapped(res, args.maxBytes);
    if (body === null) {
      // Cancelling the stream may leave the socket draining; aborting closes it.
      controller.abort();
      return { kind: "too_large", status: res.status, maxBytes: args.maxBytes, retryAfterMs };
    }
    return { kind: "response", status: res.status, text: body, retryAfterMs };
  })().catch((error: unknown): Exchange => ({ kind: "failed", neverSent: wasNeverSent(error) }));
  try {
    return await Promise.race([work, deadline]);
  } finally {
    clearTimeout(timer);
  }
}

/** The body as text, or null once it passes `maxBytes` (then it is cancelled, not read on). */
async function readCapped(res: Response, maxBytes: number): Promise<string | null> {
  const declared = Number(res.headers.get("content-length") ?? "NaN");
  if (Number.isFinite(declared) && declared > maxBytes) {
    await res.body?.cancel().catch(() => {});
    return null;
  }
  if (!res.body) return "";
  const reader = res.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > maxBytes) {
      await reader.cancel().catch(() => {});
      return null;
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks).toString("utf8");
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
