import "server-only";
import { PasswordGuessLimit } from "@/lib/rate-limit/password-guesses";
import { SharedWindowLimiter } from "@/lib/rate-limit/shared-window";

/**
 * Wrong passwords for a share link (see PasswordGuessLimit), counted for every instance
 * together. From one address: 5 a minute, then 20 an hour. From everywhere: 50 an hour; past
 * that each address may get only one wrong every 10 minutes, so the people the link was given to
 * still open it. Enough for a person mistyping, far too few for guessing.
 */
export const shareGuesses = new PasswordGuessLimit({
  perAddress: [
    new SharedWindowLimiter("share-password:ip", 5, 60_000),
    new SharedWindowLimiter("share-password:ip-1h", 20, 60 * 60_000),
  ],
  perSubject: new SharedWindowLimiter("share-password", 50, 60 * 60_000),
  perAddressWhileBusy: new SharedWindowLimiter("share-password:ip-busy", 1, 10 * 60_000),
});
