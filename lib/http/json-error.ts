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
  logger.error({ route, err: e }, "route failed");
  return jsonError(500, "internal");
}

function isDatabaseUnavailable(e: unknown): boolean {
  const code = (e as { code?: unknown } | null)?.code;
  return code === "SQLITE_BUSY" || code === "P1001" || code === "P2024" || code === "ECONNREFUSED";
}
