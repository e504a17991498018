import { NextResponse } from "next/server";
import { isAppError } from "@/lib/errors";
import { logger } from "@/lib/logger";

export function jsonError(status: number, error: string, message?: string): NextResponse {
  return NextResponse.json({ error, ...(message && { message }) }, { status });
}

/** Maps a thrown error to a response: AppErrors by their code, anything else a logged 500. */
export function errorResponse(e: unknown, route: string): NextResponse {
  if (isAppError(e)) return jsonError(e.status, e.code, e.message);
  if (isDatabaseUnavailable(e))
    return jsonError(503, "unavailable", "The database is busy; try again");
  if (isUnstorableText(e)) return jsonError(422, "invalid_input", UNSTORABLE_TEXT);
  logger.error({ route, err: e }, "route failed");
  return jsonError(500, "internal");
}

// Prisma's "can't reach / timed out / connection closed / pool exhausted" codes, and the driver
// causes behind a raw query's P2010: PostgreSQL shutting down or refusing connections (class 57P,
// 08xxx), or SQLite's write lock held past the busy timeout.
const UNAVAILABLE_PRISMA = new Set(["P1001", "P1002", "P1008", "P1017", "P2024"]);
const UNAVAILABLE_CAUSE =
  /^(57P0[1-3]|08\d{3}|53300|SQLITE_BUSY)$|DatabaseNotReachable|ConnectionClosed|SocketTimeout|TooManyConnections/;

export function isDatabaseUnavailable(e: unknown): boolean {
  const code = (e as { code?: unknown } | null)?.code;
  if (
    typeof code === "string" &&
    (UNAVAILABLE_PRISMA.has(code) || code === "SQLITE_BUSY" || code === "ECONNREFUSED")
  ) {
    return true;
  }
  return driverCause(e).some((v) => UNAVAILABLE_CAUSE.test(v));
}

/** The codes a driver adapter gave for the error behind a Prisma error, if any. */
function driverCause(e: unknown): string[] {
  const err = e as { meta?: { driverAdapterError?: { cause?: Record<string, unknown> } } } | null;
  const cause = err?.meta?.driverAdapterError?.cause;
  return [cause?.code, cause?.kind, cause?.originalCode].filter(
    (v): v is string => typeof v === "string",
  );
}

export const UNSTORABLE_TEXT = "The input contains characters that cannot be stored (such as NUL).";

// PostgreSQL refuses text it cannot hold — a NUL character, or bytes that are not UTF-8 — with
// class 22 codes. That is the caller's input, not the studio failing: a 4xx, not a 500.
const UNSTORABLE_CAUSE = /^(22021|22P05)$/;

export function isUnstorableText(e: unknown): boolean {
  return driverCause(e).some((v) => UNSTORABLE_CAUSE.test(v));
}
