import { encode } from "next-auth/jwt";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { readSessionToken, sessionClaims } from "@/lib/auth/session-claims";

const SECRET = "session-claims-secret-0123456789abcdef";
const jar = vi.hoisted(() => ({ cookies: [] as { name: string; value: string }[] }));
vi.mock("next/headers", () => ({ cookies: async () => ({ getAll: () => jar.cookies }) }));

beforeEach(() => {
  vi.stubEnv("AUTH_SECRET", SECRET);
  vi.stubEnv("APP_URL", "http://127.0.0.1:3000");
  vi.stubEnv("NEXTAUTH_URL", undefined);
  jar.cookies = [];
});

const signIn = (value: string) => {
  jar.cookies = [{ name: "next-auth.session-token", value }];
};

describe("session claims", () => {
  it("reads the person and the session version from a real next-auth token", async () => {
    signIn(await encode({ token: { sub: "user-1", sv: 3 }, secret: SECRET }));
    expect(await sessionClaims()).toEqual({ userId: "user-1", sessionVersion: 3 });
    // A token from before session versions counts as version 0.
    signIn(await encode({ token: { sub: "user-2" }, secret: SECRET }));
    expect(await sessionClaims()).toEqual({ userId: "user-2", sessionVersion: 0 });
  });

  it("refuses no cookie, a token sealed with another secret, garbage and an expired token", async () => {
    expect(await sessionClaims()).toBeNull();
    signIn(await encode({ token: { sub: "user-1" }, secret: "another-secret-0123456789abcdef0" }));
    expect(await sessionClaims()).toBeNull();
    signIn("not-a-token");
    expect(await sessionClaims()).toBeNull();
    // maxAge is in seconds; next-auth allows 15 s of clock skew, so this one is well past it.
    signIn(await encode({ token: { sub: "user-1" }, secret: SECRET, maxAge: -60 }));
    expect(await sessionClaims()).toBeNull();
  });

  it("reads the __Secure- cookie when the studio is served over https", async () => {
    vi.stubEnv("NEXTAUTH_URL", "https://studio.example.com");
    const token = await encode({ token: { sub: "user-9" }, secret: SECRET });
    signIn(token);
    expect(await sessionClaims()).toBeNull();
    jar.cookies = [{ name: "__Secure-next-auth.session-token", value: token }];
    expect(await sessionClaims()).toEqual({ userId: "user-9", sessionVersion: 0 });
  });

  it("joins a token next-auth split into numbered cookies, in order", () => {
    const name = "next-auth.session-token";
    const cookies = [
      { name: `${name}.1`, value: "BBB" },
      { name: "other", value: "x" },
      { name: `${name}.0`, value: "AAA" },
      { name: `${name}.x`, value: "ignored" },
    ];
    expect(readSessionToken(cookies, name)).toBe("AAABBB");
    expect(readSessionToken([{ name, value: "whole" }, ...cookies], name)).toBe("whole");
    expect(readSessionToken([], name)).toBeNull();
  });
});
