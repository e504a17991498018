import "server-only";
import { after } from "next/server";

/**
 * Runs `work` once the current response has been sent (Next.js's `after`), so it doesn't hold up
 * the answer; outside a request (a job, a script, a test) it starts at once. Either way it is
 * not awaited here: `work` handles its own errors.
 */
export function afterResponse(work: () => Promise<unknown>): void {
  try {
    after(work);
  } catch {
    void work();
  }
}
