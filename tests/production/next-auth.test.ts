import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type AppInstance, freePort, startAppInstance } from "@/tests/support/app-instance";
import { cookiesSet, postCredentials } from "@/tests/support/next-auth-http";
import { signedUpPerson } from "@/tests/support/signed-up-person";

// next-auth's own endpoints, as the production server answers them: its session endpoint after
// "sign out everywhere", and its credentials callback with whatever callbackUrl it is sent.
const AUTH_SECRET = "next-auth-auth-secret-0123456789abcd";
const dir = mkdtempSync(join(tmpdir(), "studio-next-auth-"));
let app: AppInstance;
const SESSION = "next-auth.session-token";

beforeAll(async () => {
  const port = await freePort();
  const env = {
    DATABASE_URL: `file:${join(dir, "studio.db")}`,
    APP_URL: `http://127.0.0.1:${port}`,
    MEDIA_DIR: join(dir, "media"),
    // Nothing here talks to kie.ai.
    SIMULATOR_URL: "http://127.0.0.1:9",
    AUTH_SECRET,
  };
  Object.assign(process.env, env);
  app = await startAppInstance(env, port);
}, 180_000);

afterAll(async () => {
  await app?.stop();
  rmSync(dir, { recursive: true, force: true });
});

async function signIn(email: string, password: string): Promise<string> {
  const res = await postCredentials(app.url, { email, password });
  expect(res.status).toBe(200);
  const token = cookiesSet(res).get(SESSION);
  expect(token).toBeTruthy();
  return `${SESSION}=${token}`;
}

async function session(cookie: string): Promise<{ body: unknown; cleared: boolean }> {
  const res = await fetch(`${app.url}/api/auth/session`, { headers: { cookie } });
  expect(res.status).toBe(200);
  return { body: await res.json(), cleared: cookiesSet(res).get(SESSION) === "" };
}

describe("next-auth's session endpoint", () => {
  it("names nobody for a session from before “sign out everywhere”, and clears its cookie", async () => {
    const person = await signedUpPerson("everywhere", AUTH_SECRET);
    const password = "everywhere test password";
    const before = await signIn(person.email, password);
    const other = await signIn(person.email, password);
    expect((await session(before)).body).toMatchObject({ user: { email: person.email } });

    const { signOutEverywhere } = await import("@/lib/users/sign-out-everywhere");
    await signOutEverywhere(person.userId);
    for (const cookie of [before, other]) {
      const after = await session(cookie);
      expect(after.body).toEqual({});
      expect(after.cleared).toBe(true);
    }
    // Refusing a stale token is no error to log.
    expect(app.output()).not.toMatch(/JWT_SESSION_ERROR|next-auth error/);
    // Signing in again gives a session that works.
    const fresh = await signIn(person.email, password);
    expect((await session(fresh)).body).toMatchObject({ user: { email: person.email } });
  });

  it("names nobody once the account is gone", async () => {
    const person = await signedUpPerson("gone", AUTH_SECRET);
    const cookie = await signIn(person.email, "gone test password");
    const { db } = await import("@/lib/db");
    await db.user.delete({ where: { id: person.userId } });
    expect((await session(cookie)).body).toEqual({});
  });
});

// Values next-auth's own redirect handling cannot read (new URL throws) or that lead elsewhere.
const HOSTILE = [
  "\\\\evil.example/",
  "%2F%2Fevil.example/",
  " //evil",
  "//evil.example/",
  "/\\evil.example",
  "https://evil.example/w/x",
  "javascript:alert(1)",
  "http://[::1",
  "/\t/evil.example",
];

describe("next-auth's credentials callback with a hostile callbackUrl", () => {
  const sameOrigin = (location: string | null | undefined) => {
    expect(location).toBeTruthy();
    expect(new URL(location ?? "", app.url).origin).toBe(app.url);
  };
  const noTrace = (text: string) => {
    expect(text).not.toMatch(/TypeError|Invalid URL|\n\s+at /);
  };

  it("sends a sign-in to a page of this site, through the form field", async () => {
    const person = await signedUpPerson("hostile", AUTH_SECRET);
    for (const callbackUrl of HOSTILE) {
      for (const json of [true, false]) {
        const res = await postCredentials(app.url, {
          email: person.email,
          password: "hostile test password",
          callbackUrl,
          json,
        });
        const text = await res.text();
        noTrace(text);
        if (json) {
          expect(res.status, callbackUrl).toBe(200);
          sameOrigin((JSON.parse(text) as { url?: string }).url);
        } else {
          expect(res.status, callbackUrl).toBe(302);
          sameOrigin(res.headers.get("location"));
        }
        expect(cookiesSet(res).get(SESSION), callbackUrl).toBeTruthy();
      }
    }
    // A page of this site is kept.
    const kept = await postCredentials(app.url, {
      email: person.email,
      password: "hostile test password",
      callbackUrl: "/w/somewhere?tab=1",
    });
    expect(((await kept.json()) as { url: string }).url).toBe(`${app.url}/w/somewhere?tab=1`);
  });

  it("answers a hostile query parameter or callback-url cookie without a 500", async () => {
    const person = await signedUpPerson("query", AUTH_SECRET);
    for (const callbackUrl of HOSTILE) {
      const viaQuery = await postCredentials(
        app.url,
        { email: person.email, password: "query test password" },
        { query: `?callbackUrl=${encodeURIComponent(callbackUrl)}` },
      );
      const text = await viaQuery.text();
      noTrace(text);
      expect(viaQuery.status, callbackUrl).toBe(200);
      sameOrigin((JSON.parse(text) as { url?: string }).url);

      const cookie = `next-auth.callback-url=${encodeURIComponent(callbackUrl)}`;
      const viaCookie = await postCredentials(
        app.url,
        { email: person.email, password: "query test password" },
        { cookie },
      );
      const answer = await viaCookie.text();
      noTrace(answer);
      expect(viaCookie.status, callbackUrl).toBeGreaterThanOrEqual(200);
      expect(viaCookie.status, callbackUrl).toBeLessThan(500);
      if (viaCookie.status === 200) sameOrigin((JSON.parse(answer) as { url?: string }).url);
      // A cookie the studio would not have set is cleared.
      else expect(cookiesSet(viaCookie).get("next-auth.callback-url"), callbackUrl).toBe("");
      for (const path of ["/api/auth/session", "/api/auth/csrf", "/api/auth/providers"]) {
        const res = await fetch(`${app.url}${path}`, { headers: { cookie } });
        expect(res.status, `${path} ${callbackUrl}`).toBeLessThan(500);
        noTrace(await res.text());
      }
    }
  });
});
