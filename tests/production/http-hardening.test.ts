import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type AppInstance, startAppInstance } from "@/tests/support/app-instance";
import { postCredentials } from "@/tests/support/next-auth-http";
import { clearOfWindowStart } from "@/tests/support/rate-limit-window";

// Headers, cross-site requests and sign-in throttling, as the production server answers them.
const dir = mkdtempSync(join(tmpdir(), "studio-hardening-"));
let app: AppInstance;

beforeAll(async () => {
  app = await startAppInstance({
    DATABASE_URL: `file:${join(dir, "studio.db")}`,
    MEDIA_DIR: join(dir, "media"),
    // Nothing here talks to kie.ai.
    SIMULATOR_URL: "http://127.0.0.1:9",
    AUTH_SECRET: "hardening-auth-secret-0123456789ab",
  });
}, 120_000);

afterAll(async () => {
  await app?.stop();
  rmSync(dir, { recursive: true, force: true });
});

describe("the production server's defences", () => {
  it("sends a nonce-based CSP and the other security headers, and every script carries the nonce", async () => {
    const res = await fetch(`${app.url}/sign-in`);
    const csp = res.headers.get("content-security-policy") ?? "";
    const nonce = /'nonce-([^']+)'/.exec(csp)?.[1];
    expect(nonce).toBeTruthy();
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toContain("object-src 'none'");
    expect(csp).not.toContain("unsafe-eval");
    expect(res.headers.get("referrer-policy")).toBe("strict-origin-when-cross-origin");
    expect(res.headers.get("x-content-type-options")).toBe("nosniff");
    const html = await res.text();
    const scripts = html.match(/<script\b[^>]*>/g) ?? [];
    expect(scripts.length).toBeGreaterThan(0);
    for (const tag of scripts) expect(tag).toContain(`nonce="${nonce}"`);
    // A fresh nonce per response.
    const again = (await fetch(`${app.url}/sign-in`)).headers.get("content-security-policy");
    expect(again).not.toBe(csp);
  });

  it("gives the webhook and media routes, which skip the page proxy, the same headers", async () => {
    const cases = [
      {
        res: await fetch(`${app.url}/api/kie/callback`, { method: "POST", body: "{}" }),
        embed: false,
      },
      { res: await fetch(`${app.url}/api/w/some-team/generations/g1/video`), embed: false },
      { res: await fetch(`${app.url}/api/w/some-team/generations/g1/poster`), embed: false },
      { res: await fetch(`${app.url}/api/s/not-a-token/media/g1/video`), embed: true },
    ];
    for (const { res, embed } of cases) {
      expect(res.status).toBeGreaterThanOrEqual(400);
      expect(res.status).toBeLessThan(500);
      expect(res.headers.get("x-content-type-options")).toBe("nosniff");
      expect(res.headers.get("referrer-policy")).toBe("strict-origin-when-cross-origin");
      const csp = res.headers.get("content-security-policy") ?? "";
      expect(csp).toContain("default-src 'none'");
      expect(csp).toContain(embed ? "frame-ancestors *" : "frame-ancestors 'none'");
      // One policy, not the page's nonce policy on top of it.
      expect(csp).not.toContain("nonce-");
    }
  });

  it("lets shared pages be embedded, and nothing else", async () => {
    const res = await fetch(`${app.url}/s/not-a-real-token`);
    expect(res.status).toBe(404);
    expect(res.headers.get("content-security-policy")).toContain("frame-ancestors *");
  });

  it("refuses cross-site state-changing requests to API routes, but not kie.ai's webhook", async () => {
    const evil = { origin: "https://evil.example" };
    const api = await fetch(`${app.url}/api/w/anything/generations`, {
      method: "POST",
      headers: evil,
    });
    expect(api.status).toBe(403);
    expect(await api.json()).toEqual({ error: "cross_site_request" });
    const sameSite = await fetch(`${app.url}/api/w/anything/generations`, {
      method: "POST",
      headers: { origin: app.url },
    });
    // Let through to the route, which takes no POST.
    expect(sameSite.status).toBe(405);
    const webhook = await fetch(`${app.url}/api/kie/callback`, {
      method: "POST",
      headers: evil,
      body: "{}",
    });
    expect(webhook.status).toBe(401);
  });

  it("slows password guessing: one address gets five wrong passwords for an account", async () => {
    await clearOfWindowStart(15_000);
    const email = `victim-${Date.now()}@example.com`;
    const attempt = async () => {
      const res = await postCredentials(app.url, { email, password: "wrong password 123" });
      const body = (await res.json().catch(() => ({}))) as { url?: string };
      return new URL(body.url ?? res.headers.get("location") ?? "http://x/").searchParams.get(
        "error",
      );
    };
    const errors: (string | null)[] = [];
    for (let i = 0; i < 7; i++) errors.push(await attempt());
    expect(errors.slice(0, 5).every((e) => e === "CredentialsSignin")).toBe(true);
    expect(errors.slice(5)).toEqual(["rate_limited", "rate_limited"]);
  });
});
