import { processSingleton } from "@/lib/process-singleton";

const MiB = 1024 * 1024;

/**
 * How many bytes of media this process holds in whole-range buffers for answers still being sent.
 * A player's range read in one call and written in one piece is the door's fast path; but the
 * buffer lives until the client has taken it, so a crowd of clients that stop reading would pin
 * one each. Past this budget ranges are streamed in small chunks with backpressure instead, whose
 * memory per connection is fixed. 64 MiB is 64 players' 1 MiB ranges in flight at once.
 */
export const MEDIA_BUFFER_BUDGET = 64 * MiB;

/** The largest range ever read into one buffer: about what a player asks for at a time. */
export const ONE_BUFFER_MAX = 4 * MiB;

/**
 * Reserves `bytes` of the process's budget for one buffer; null when that would pass it (or the
 * range is too long to buffer). The release is idempotent: call it when the answer has ended, however
 * it ended.
 */
export function reserveMediaBuffer(bytes: number): (() => void) | null {
  const budget = processSingleton("media-buffer-budget", () => ({ inFlight: 0 }));
  if (bytes > ONE_BUFFER_MAX || budget.inFlight + bytes > MEDIA_BUFFER_BUDGET) return null;
  budget.inFlight += bytes;
  let released = false;
  return () => {
    if (released) return;
    released = true;
    budget.inFlight -= bytes;
  };
}
