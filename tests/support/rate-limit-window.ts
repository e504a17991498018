/**
 * Waits, when need be, until the next `needMs` fall within one minute. Every limit's windows
 * (a minute, 10 minutes, an hour, 6 hours) start on a minute, and across a window's start a
 * sliding window gives part of its allowance back, so a test counting exact allowances keeps
 * clear of that moment.
 */
export async function clearOfWindowStart(needMs: number): Promise<void> {
  const left = 60_000 - (Date.now() % 60_000);
  if (left < needMs) await new Promise((r) => setTimeout(r, left + 100));
}
