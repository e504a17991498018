import type { z } from "zod";
import {
  cleanDetail,
  type KieErrorKind,
  type KieResult,
  kindForCode,
  makeKieError,
  messageFor,
} from "./errors";
import { envelopeMessage, envelopeSchema } from "./schemas";
import type { Exchange } from "./transport";

/**
 * A write (createTask) may cost money: it is sent again only when kie.ai's answer shows no task
 * was made. A read changes nothing at kie, so it is asked again whenever that may help.
 */
export type Operation = "write" | "read";

// A write is resent only on answers that say kie.ai did not take it: a connection never made,
// a rate limit (kie.ai drops those requests, it does not queue them) and its maintenance code.
// A server error, a gateway's answer or a broken exchange is "ambiguous" for a write instead.
const RETRY_ON: Record<Operation, ReadonlySet<KieErrorKind>> = {
  write: new Set(["rate_limited", "maintenance", "network"]),
  read: new Set(["rate_limited", "maintenance", "server", "network", "ambiguous"]),
};

const MAYBE_CREATED = "the task may or may not have been created";

export interface Reading<T> {
  op: Operation;
  /** The shape of the envelope's `data` on success. */
  schema: z.ZodType<T>;
  /** Redacted from anything kie.ai says back, in case a message ever echoes the key. */
  secret: string;
}

/** What an exchange with kie.ai means: the data, or an error with its final message. */
export function interpretExchange<T>(ex: Exchange, how: Reading<T>): KieResult<T> {
  switch (ex.kind) {
    case "timeout": {
      const seconds = Math.round(ex.timeoutMs / 100) / 10;
      const message = `kie.ai did not answer within ${seconds} s`;
      return failure(how, {
        kind: "ambiguous",
        message: how.op === "write" ? `${message}; ${MAYBE_CREATED}` : message,
      });
    }
    case "failed":
      return failure(how, { kind: ex.neverSent ? "network" : "ambiguous" });
    case "too_large": {
      const size = `larger than ${formatBytes(ex.maxBytes)}`;
      if (how.op === "write") {
        return failure(how, {
          kind: "ambiguous",
          httpStatus: ex.status,
          retryAfterMs: ex.retryAfterMs,
          message: `kie.ai's answer was ${size} and was not read; ${MAYBE_CREATED}`,
        });
      }
      return failure(how, {
        kind: "bad_response",
        httpStatus: ex.status,
        retryAfterMs: ex.retryAfterMs,
        message: `${messageFor("bad_response", null)}: it was ${size}`,
      });
    }
    case "response":
      return interpretResponse(how, ex.status, ex.text, ex.retryAfterMs);
  }
}

/** kie.ai's answer (HTTP status and body text) read by its envelope; the body's code wins. */
export function interpretResponse<T>(
  how: Reading<T>,
  status: number,
  text: string,
  retryAfterMs: number | null = null,
): KieResult<T> {
  const envelope = envelopeSchema.safeParse(parseJson(text));
  if (!envelope.success) {
    if (status >= 400) return failureForStatus(how, status, retryAfterMs);
    const detail = text.trim() === "" ? "the response was empty" : "the response was not JSON";
    return failure(how, {
      kind: "bad_response",
      httpStatus: status,
      retryAfterMs,
      message: `${messageFor("bad_response", null)}: ${detail}`,
    });
  }
  const env = envelope.data;
  // kie answers errors with HTTP 200 and an error code in the body.
  if (env.code !== 200) {
    const detail = cleanDetail(envelopeMessage(env), how.secret);
    const kind = kindForCode(env.code);
    if (kind === "server" && how.op === "write") {
      return failure(how, {
        kind: "ambiguous",
        code: env.code,
        httpStatus: status,
        retryAfterMs,
        message: `${messageFor("server", detail)}; ${MAYBE_CREATED}`,
      });
    }
    return failure(how, {
      kind,
      code: env.code,
      httpStatus: status,
      retryAfterMs,
      message: messageFor(kind, detail),
    });
  }
  // Code 200 inside an HTTP error came from something between us and kie.
  if (status < 200 || status >= 300) return failureForStatus(how, status, retryAfterMs);
  const data = how.schema.safeParse(env.data);
  if (!data.success) {
    return failure(how, {
      kind: "bad_response",
      code: 200,
      httpStatus: status,
      retryAfterMs,
      message: `${messageFor("bad_response", null)}: the data had an unexpected shape`,
    });
  }
  return { ok: true, data: data.data };
}

// An HTTP error without kie's envelope: only the status speaks, and for a write a 5xx does not
// say whether kie.ai made the task before something failed (a proxy's 502 or 504 least of all).
function failureForStatus<T>(
  how: Reading<T>,
  status: number,
  retryAfterMs: number | null,
): KieResult<T> {
  const kind = kindForCode(status);
  if (how.op === "write" && kind === "server") {
    const message =
      status === 504
        ? `A gateway timed out waiting for kie.ai; ${MAYBE_CREATED}`
        : `kie.ai answered with a server error (HTTP ${status}); ${MAYBE_CREATED}`;
    return failure(how, { kind: "ambiguous", httpStatus: status, retryAfterMs, message });
  }
  return failure(how, { kind, httpStatus: status, retryAfterMs, message: messageFor(kind, null) });
}

function failure<T>(
  how: Reading<T>,
  args: {
    kind: KieErrorKind;
    code?: number;
    httpStatus?: number;
    retryAfterMs?: number | null;
    message?: string;
  },
): KieResult<T> {
  return {
    ok: false,
    error: makeKieError({
      kind: args.kind,
      code: args.code ?? null,
      httpStatus: args.httpStatus ?? null,
      message: args.message,
      retryable: RETRY_ON[how.op].has(args.kind),
      retryAfterMs: args.retryAfterMs ?? undefined,
    }),
  };
}

function parseJson(text: string): unknown {
  if (text.trim() === "") return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

function formatBytes(bytes: number): string {
  return bytes % (1024 * 1024) === 0 ? `${bytes / (1024 * 1024)} MiB` : `${bytes} bytes`;
}
