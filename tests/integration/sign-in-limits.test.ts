import { randomUUID } from "node:crypto";
import type { CredentialsConfig } from "next-auth/providers/credentials";
import { describe, expect, it } from "vitest";
import { authOptions } from "@/lib/auth/options";
import { PasswordGuessLimit } from "@/lib/rate-limit/password-guesses";
import { SharedWindowLimiter } from "@/lib/rate-limit/shared-window";
import { signUp } from "@/lib/users/sign-up";
import { clearOfWindowStart } from "@/tests/support/rate-limit-window";

// The credentials sign-in next-auth runs (its authorize), with the request's address as the
// route gives it, against the real database (SQLite, or PostgreSQL in the second leg).
const PASSWORD = "the owner's own password";

async function account(): Promise<string> {
  const email = `owner-${randomUUID()}@example.com`;
  await signUp({ email, password: PASSWORD });
  return email;
}

type Outcome = "signed-in" | "wrong" | "rate_limited";

async function signIn(email: string, password: string, address: string): Promise<Outcome> {
  const provider = authOptions().providers.find((p) => p.id === "credentials") as CredentialsConfig;
  const req = { headers: { "x-forwarded-for": address } };
  try {
    const user = await provider.options.authorize?.({ email, password }, req);
    return user ? "signed-in" : "wrong";
  } catch (e) {
    if (e instanceof Error && e.message === "rate_limited") return "rate_limited";
    throw e;
  }
}

let addresses = 0;
/** A fresh address of the documentation range for each use. */
const address = () => {
  addresses += 1;
  return `198.51.${Math.floor(addresses / 250)}.${addresses % 250}`;
};

async function times<T>(n: number, f: (i: number) => Promise<T>): Promise<T[]> {
  const out: T[] = [];
  for (let i = 0; i < n; i++) out.push(await f(i));
  return out;
}

describe("the sign-in limit", () => {
  it("does not let a stranger's wrong guesses from one address lock the owner out at another", async () => {
    await clearOfWindowStart(15_000);
    const email = await account();
    const stranger = address();
    const guesses = await times(12, (i) => signIn(email, `guess number ${i}`, stranger));
    expect(guesses.slice(0, 5)).toEqual(Array(5).fill("wrong"));
    expect(guesses.slice(5)).toEqual(Array(7).fill("rate_limited"));
    expect(await signIn(email, PASSWORD, address())).toBe("signed-in");
    // The stranger's address stays slowed for this account, even with the right password.
    expect(await signIn(email, PASSWORD, stranger)).toBe("rate_limited");
  });

  it("does not count a right password", async () => {
    await clearOfWindowStart(15_000);
    const email = await account();
    const home = address();
    expect(await times(15, () => signIn(email, PASSWORD, home))).toEqual(
      Array(15).fill("signed-in"),
    );
    const typos = await times(6, (i) => signIn(email, `typo ${i} password`, home));
    expect(typos).toEqual([...Array(5).fill("wrong"), "rate_limited"]);
  });

  it("bounds one address guessing many accounts", async () => {
    await clearOfWindowStart(15_000);
    const from = address();
    const known = await account();
    const outcomes = await times(32, (i) =>
      signIn(i === 0 ? known : `nobody-${i}-${randomUUID()}@example.com`, "x".repeat(9), from),
    );
    expect(outcomes.slice(0, 30)).toEqual(Array(30).fill("wrong"));
    expect(outcomes.slice(30)).toEqual(["rate_limited", "rate_limited"]);
  });

  it("bounds guesses spread over many addresses, and still lets the owner in", async () => {
    await clearOfWindowStart(30_000);
    const email = await account();
    // 100 wrong passwords an hour against one account, from 50 addresses (2 each, under their
    // own limit of 5).
    const spread = Array.from({ length: 50 }, address);
    const first = await times(100, (i) => signIn(email, `spread ${i} guess`, spread[i % 50] ?? ""));
    expect(first.every((o) => o === "wrong")).toBe(true);
    // Past that each address, known or new, gets 2 more wrong, not the 3 it had left.
    const old = spread[0] ?? "";
    expect(await times(3, (i) => signIn(email, `more ${i} guess`, old))).toEqual([
      "wrong",
      "wrong",
      "rate_limited",
    ]);
    const fresh = address();
    expect(await times(3, (i) => signIn(email, `fresh ${i} guess`, fresh))).toEqual([
      "wrong",
      "wrong",
      "rate_limited",
    ]);
    // The owner, from where they are, still gets in.
    expect(await signIn(email, PASSWORD, address())).toBe("signed-in");
  });
});

describe("the password guess limit", () => {
  const limit = (now: () => number) => {
    const n = `test-${randomUUID().slice(0, 8)}`;
    return new PasswordGuessLimit({
      perAddress: [
        new SharedWindowLimiter(`${n}:short`, 2, 60_000, now),
        new SharedWindowLimiter(`${n}:long`, 4, 60 * 60_000, now),
      ],
      perSubject: new SharedWindowLimiter(`${n}:all`, 6, 60 * 60_000, now),
      perAddressWhileBusy: new SharedWindowLimiter(`${n}:busy`, 1, 60 * 60_000, now),
    });
  };
  const waits = async (l: PasswordGuessLimit, subject: string, from: string, n: number) =>
    times(n, async () => (await l.take(subject, from)).waitMs);

  it("makes an address that keeps failing wait longer", async () => {
    let now = 3_600_000; // the start of every window
    const l = limit(() => now);
    const [a, b, refused] = await waits(l, "s", "x", 3);
    expect([a, b]).toEqual([0, 0]);
    expect(refused).toBe(60_000);
    now += 2 * 60_000;
    expect(await waits(l, "s", "x", 2)).toEqual([0, 0]);
    now += 2 * 60_000;
    // Four wrong in the hour: the next wait is the rest of the hour, not of a minute.
    expect(await waits(l, "s", "x", 1)).toEqual([56 * 60_000]);
  });

  it("gives back everything a right password took, and what a refusal took", async () => {
    const now = () => 3_600_000;
    const l = limit(now);
    for (let i = 0; i < 10; i++) await (await l.take("s", "y")).forgive();
    expect(await waits(l, "s", "y", 3)).toEqual([0, 0, 60_000]);
    // The refused third took nothing from the subject's allowance: 4 more addresses fill it.
    const others = await Promise.all(["p", "q"].map((from) => waits(l, "s", from, 2)));
    expect(others.flat()).toEqual([0, 0, 0, 0]);
    // Spent: every address, new or not, now gets one wrong an hour.
    const [first, second] = await waits(l, "s", "z", 2);
    expect(first).toBe(0);
    expect(second).toBeGreaterThan(0);
    expect((await l.take("other subject", "z")).waitMs).toBe(0);
  });
});
