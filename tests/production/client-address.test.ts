import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type AppInstance, startAppInstance } from "@/tests/support/app-instance";
import { postCredentials } from "@/tests/support/next-auth-http";
import { clearOfWindowStart } from "@/tests/support/rate-limit-window";

// Whose address a request is counted against, as the production server reads it: the
// connection's, or with TRUST_PROXY the one the trusted proxy appended to X-Forwarded-For.
const dir = mkdtempSync(join(tmpdir(), "studio-client-address-"));
let direct: AppInstance;
let behindProxy: AppInstance;

function start(name: string, extra: Record<string, string>): Promise<AppInstance> {
  return startAppInstance({
    DATABASE_URL: `file:${join(dir, `${name}.db`)}`,
    MEDIA_DIR: join(dir, `${name}-media`),
    SIMULATOR_URL: "http://127.0.0.1:9",
    AUTH_SECRET: "client-address-auth-secret-0123456789",
    ...extra,
  });
}

beforeAll(async () => {
  [direct, behindProxy] = await Promise.all([
    start("direct", {}),
    start("proxied", { TRUST_PROXY: "1" }),
  ]);
}, 120_000);

afterAll(async () => {
  await Promise.all([direct?.stop(), behindProxy?.stop()]);
  rmSync(dir, { recursive: true, force: true });
});

/** next-auth's answer to a wrong password: "CredentialsSignin", or "rate_limited". */
async function wrongPassword(app: AppInstance, email: string, forwardedFor: string) {
  const res = await postCredentials(
    app.url,
    { email, password: "wrong password 123" },
    { headers: { "x-forwarded-for": forwardedFor } },
  );
  const body = (await res.json().catch(() => ({}))) as { url?: string };
  return new URL(body.url ?? "http://x/").searchParams.get("error");
}

describe("the client's address", () => {
  it("with nothing trusted in front, is the connection's: a new X-Forwarded-For per guess changes nothing", async () => {
    await clearOfWindowStart(15_000);
    const email = `direct-${Date.now()}@example.com`;
    const errors: (string | null)[] = [];
    for (let i = 1; i <= 7; i++) errors.push(await wrongPassword(direct, email, `203.0.113.${i}`));
    // Five wrong passwords from one address, then that address waits.
    expect(errors).toEqual([...Array(5).fill("CredentialsSignin"), "rate_limited", "rate_limited"]);
  });

  it("behind one trusted proxy, is the entry that proxy appended, whatever the client wrote left of it", async () => {
    await clearOfWindowStart(15_000);
    const email = `proxied-${Date.now()}@example.com`;
    const errors: (string | null)[] = [];
    for (let i = 1; i <= 6; i++) {
      errors.push(await wrongPassword(behindProxy, email, `203.0.113.${i}, 198.51.100.7`));
    }
    expect(errors).toEqual([...Array(5).fill("CredentialsSignin"), "rate_limited"]);
    // Another client behind the same proxy is not held back by the first one's guesses.
    expect(await wrongPassword(behindProxy, email, "198.51.100.8")).toBe("CredentialsSignin");
  });
});
