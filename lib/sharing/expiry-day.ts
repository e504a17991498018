// A share link's "last day", picked as a calendar day where the sharer is. Client-safe: the
// dialog's picker and the server's check use the same arithmetic.

/** How far ahead a last day can be picked; "never" is there for longer. */
export const MAX_EXPIRY_DAYS = 365;
const DAY_MS = 24 * 60 * 60 * 1000;

import { localDay } from "@/lib/dates/local-day";

export { localDay };

/** The last moment of a calendar day (`YYYY-MM-DD`) in this machine's time zone; null if not a day. */
export function endOfLocalDay(day: string): Date | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day);
  if (!m) return null;
  const [year, month, date] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const end = new Date(year, month - 1, date, 23, 59, 59, 999);
  // new Date rolls 2026-02-30 over into March: such a day does not exist.
  return localDay(end) === day ? end : null;
}

/** The days the picker offers: today (the link works until tonight) through a year from now. */
export function pickableDays(now = new Date()): { min: string; max: string } {
  const max = new Date(now);
  max.setDate(max.getDate() + MAX_EXPIRY_DAYS);
  return { min: localDay(now), max: localDay(max) };
}

/**
 * Why the server refuses a chosen expiry instant, if it does. It does not know the sharer's time
 * zone, so the end of the latest pickable day anywhere (up to 14 hours ahead of UTC, and a
 * daylight-saving hour) is within a year and two days of now.
 */
export function expiryProblem(at: Date, now = Date.now()): "in_past" | "too_far" | null {
  if (at.getTime() <= now) return "in_past";
  if (at.getTime() > now + (MAX_EXPIRY_DAYS + 2) * DAY_MS) return "too_far";
  return null;
}
