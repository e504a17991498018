import { randomUUID } from "node:crypto";
import type { JWT } from "next-auth/jwt";
import { describe, expect, it } from "vitest";
import { authOptions } from "@/lib/auth/options";
import { db } from "@/lib/db";
import { signOutEverywhere } from "@/lib/users/sign-out-everywhere";
import { signUp } from "@/lib/users/sign-up";

// next-auth's jwt callback, which its session endpoint and getServerSession run on every read of
// a session token, against the real database (SQLite, or PostgreSQL in the second leg). Over
// HTTP: tests/production/next-auth.test.ts.
async function reread(token: JWT): Promise<"current" | "signed out"> {
  const jwt = authOptions().callbacks?.jwt;
  if (!jwt) throw new Error("the studio's options have a jwt callback");
  // next-auth's session route passes the token alone; the type also lists sign-in's arguments.
  const reading = { token } as Parameters<typeof jwt>[0];
  return Promise.resolve(jwt(reading)).then(
    () => "current",
    () => "signed out",
  );
}

describe("a session token read again", () => {
  it("is current until “sign out everywhere”, then signed out; a later one is current", async () => {
    const { userId } = await signUp({
      email: `sv-${randomUUID()}@example.com`,
      password: "session version password",
    });
    const old: JWT = { sub: userId, sv: 0 };
    expect(await reread(old)).toBe("current");
    await signOutEverywhere(userId);
    expect(await reread(old)).toBe("signed out");
    expect(await reread({ sub: userId, sv: 1 })).toBe("current");
  });

  it("is signed out once the account is gone, or when it names nobody", async () => {
    const { userId } = await signUp({
      email: `gone-${randomUUID()}@example.com`,
      password: "session version password",
    });
    await db.user.delete({ where: { id: userId } });
    expect(await reread({ sub: userId, sv: 0 })).toBe("signed out");
    expect(await reread({})).toBe("signed out");
  });
});
