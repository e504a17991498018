import "server-only";
import { headers } from "next/headers";
import { env } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { clientAddressOf } from "@/lib/http/client-address";
import { PasswordGuessLimit } from "@/lib/rate-limit/password-guesses";
import { SharedWindowLimiter } from "@/lib/rate-limit/shared-window";

// Generous for people, tight for scripts. kie.ai itself accepts ~20 generations per 10 s per key.
// Counted in the database, so every instance of the studio shares one allowance.
const limits = {
  "sign-up:ip": new SharedWindowLimiter("sign-up:ip", 10, 60 * 60_000),
  "generate:user": new SharedWindowLimiter("generate:user", 30, 60_000),
  "generate:ip": new SharedWindowLimiter("generate:ip", 60, 60_000),
} as const;

/**
 * Wrong passwords at sign-in (see PasswordGuessLimit). From one address against one account: 5
 * in 10 minutes, then 20 in 6 hours. From one address against any accounts: 30 in 10 minutes.
 * Against one account from everywhere: 100 an hour; past that each address may get only 2 wrong
 * an hour until the hour has slid by, so the owner still signs in.
 */
export const signInGuesses = new PasswordGuessLimit({
  perAddress: [
    new SharedWindowLimiter("sign-in:account-ip", 5, 10 * 60_000),
    new SharedWindowLimiter("sign-in:account-ip-6h", 20, 6 * 60 * 60_000),
  ],
  addressWide: new SharedWindowLimiter("sign-in:ip", 30, 10 * 60_000),
  perSubject: new SharedWindowLimiter("sign-in:account", 100, 60 * 60_000),
  perAddressWhileBusy: new SharedWindowLimiter("sign-in:account-ip-busy", 2, 60 * 60_000),
});

export type LimitName = keyof typeof limits;

/** Throws rate_limited when `key` has used up `name`'s allowance. */
export async function enforceLimit(name: LimitName, key: string): Promise<void> {
  const waitMs = await limits[name].hit(key.toLowerCase());
  if (waitMs > 0) {
    const seconds = Math.ceil(waitMs / 1000);
    throw new AppError("rate_limited", `Too many attempts. Try again in ${seconds} s.`);
  }
}

/** Generate and Retry (each sends kie.ai a createTask): per person and per address. */
export async function enforceGenerateLimits(userId: string): Promise<void> {
  // Both at once: a press waits for one round trip to the database, not two.
  const ip = await requestIp();
  await Promise.all([enforceLimit("generate:user", userId), enforceLimit("generate:ip", ip)]);
}

/**
 * The caller's address, as the production server read it from the socket and the trusted proxies
 * (TRUST_PROXY) in front of it (lib/http/client-address.ts). The per-account limits do not depend
 * on it.
 */
export function clientIp(h: { get(name: string): string | null }): string {
  return clientAddressOf(h, env().TRUST_PROXY);
}

export async function requestIp(): Promise<string> {
  try {
    return clientIp(await headers());
  } catch {
    return "unknown";
  }
}
