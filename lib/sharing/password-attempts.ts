import "server-only";
import { SharedWindowLimiter } from "@/lib/rate-limit/shared-window";

// Password guesses per link: 10 wrong ones a minute, counted for every instance together.
// Enough for a person mistyping, far too few for guessing.
const guesses = new SharedWindowLimiter("share-password", 10, 60_000);

/**
 * Takes one guess from the link's allowance before the password is checked, so a burst of
 * simultaneous guesses cannot all slip past the count; returns how long to wait when none is left.
 */
export function takeGuess(linkId: string): Promise<number> {
  return guesses.hit(linkId);
}

/** A right password does not count against the link. */
export async function returnGuess(linkId: string): Promise<void> {
  await guesses.refund(linkId);
}
