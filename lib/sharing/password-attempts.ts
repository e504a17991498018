import "server-only";
import { SharedWindowLimiter } from "@/lib/rate-limit/shared-window";

// Wrong password guesses per link: 10 a minute, counted for every instance together. Enough
// for a person mistyping, far too few for guessing; right passwords are never counted, so a
// link unlocked by many people at once keeps working.
const wrongGuesses = new SharedWindowLimiter("share-password", 10, 60_000);

/** How long to wait before another guess at this link's password; 0 if one may be tried. */
export function passwordWait(linkId: string): Promise<number> {
  return wrongGuesses.wait(linkId);
}

export async function recordWrongPassword(linkId: string): Promise<void> {
  await wrongGuesses.hit(linkId);
}
