import "server-only";

// Wrong password guesses per link, in memory: 10 a minute. Enough for a person mistyping,
// far too few for guessing. (Per process; several instances each allow their own 10.)
const LIMIT = 10;
const WINDOW_MS = 60_000;
const attempts = new Map<string, number[]>();

function recent(linkId: string, now: number): number[] {
  const list = (attempts.get(linkId) ?? []).filter((t) => now - t < WINDOW_MS);
  if (list.length) attempts.set(linkId, list);
  else attempts.delete(linkId);
  return list;
}

export function passwordAttemptsLeft(linkId: string, now = Date.now()): number {
  return Math.max(0, LIMIT - recent(linkId, now).length);
}

export function recordWrongPassword(linkId: string, now = Date.now()): void {
  attempts.set(linkId, [...recent(linkId, now), now]);
}
