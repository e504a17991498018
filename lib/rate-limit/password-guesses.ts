import "server-only";
import type { SharedWindowLimiter } from "@/lib/rate-limit/shared-window";

/** One guess taken from the allowances: `waitMs` > 0 when refused; forgive() when it was right. */
export interface Guess {
  waitMs: number;
  /** A right password is not a guess: gives back everything this one took. */
  forgive(): Promise<void>;
}

export interface PasswordGuessRules {
  /** Wrong passwords from one address against one subject, the shortest window first: an
   *  address that keeps failing meets the longer windows, so it waits longer each time. */
  perAddress: SharedWindowLimiter[];
  /** Wrong passwords from one address against any subject (one address trying many accounts). */
  addressWide?: SharedWindowLimiter;
  /** Wrong passwords against one subject from every address together: the global bound. */
  perSubject: SharedWindowLimiter;
  /** While `perSubject` is used up, what each address may still get wrong. */
  perAddressWhileBusy: SharedWindowLimiter;
}

/**
 * Limits guessing one secret (an account's password, a share link's) without letting a
 * stranger lock its owner out. Only wrong passwords count, and they count against the guesser's
 * address, so someone failing from address X leaves the owner at address Y untouched. Guesses
 * spread over many addresses are still bounded by `perSubject`; past it the subject is not
 * locked, it is slowed: every address is held to `perAddressWhileBusy`, so its owner can still
 * get in (a right password costs nothing) while each of an attacker's addresses gets one or two
 * guesses an hour instead of its full allowance.
 *
 * A guess is taken before the password is checked, so a burst of simultaneous guesses cannot all
 * slip past the count, and given back when the password was right.
 */
export class PasswordGuessLimit {
  constructor(private readonly rules: PasswordGuessRules) {}

  async take(subject: string, address: string): Promise<Guess> {
    const pair = `${subject}\n${address}`;
    const taken: { limiter: SharedWindowLimiter; key: string }[] = [];
    const forgive = async () => {
      await Promise.all(taken.map(({ limiter, key }) => limiter.refund(key)));
    };
    const take = async (limiter: SharedWindowLimiter, key: string): Promise<number> => {
      const waitMs = await limiter.hit(key);
      if (waitMs === 0) taken.push({ limiter, key });
      return waitMs;
    };
    const refuse = async (waitMs: number): Promise<Guess> => {
      // A refused attempt checked no password: it uses none of the other allowances either.
      await forgive();
      return { waitMs, forgive: async () => {} };
    };

    for (const limiter of this.rules.perAddress) {
      const waitMs = await take(limiter, pair);
      if (waitMs > 0) return refuse(waitMs);
    }
    if (this.rules.addressWide) {
      const waitMs = await take(this.rules.addressWide, address);
      if (waitMs > 0) return refuse(waitMs);
    }
    if ((await take(this.rules.perSubject, subject)) > 0) {
      const waitMs = await take(this.rules.perAddressWhileBusy, pair);
      if (waitMs > 0) return refuse(waitMs);
    }
    return { waitMs: 0, forgive };
  }
}
