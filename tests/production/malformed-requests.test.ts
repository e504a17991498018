import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { connect } from "node:net";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type AppInstance, startAppInstance } from "@/tests/support/app-instance";

// Requests no browser of the studio's sends — other methods on static files, cross-site or
// malformed server actions — answered by the production server with a 4xx and nothing in its log
// that reads like a crash; and the genuine actions still work.
const dir = mkdtempSync(join(tmpdir(), "studio-malformed-"));
const build = resolve(import.meta.dirname, "../..", process.env.NEXT_DIST_DIR ?? ".next");
let app: AppInstance;
let actionIds: string[] = [];
let signUpId = "";
let chunk = "";

beforeAll(async () => {
  const manifest = JSON.parse(
    readFileSync(join(build, "server/server-reference-manifest.json"), "utf8"),
  ) as { node: Record<string, { filename: string }> };
  actionIds = Object.keys(manifest.node);
  signUpId =
    Object.entries(manifest.node).find(
      ([, a]) => a.filename === "lib/actions/auth/sign-up.ts",
    )?.[0] ?? "";
  chunk = readdirSync(join(build, "static/chunks")).find((f) => f.endsWith(".js")) ?? "";
  app = await startAppInstance({
    DATABASE_URL: `file:${join(dir, "studio.db")}`,
    MEDIA_DIR: join(dir, "media"),
    // Nothing here talks to kie.ai.
    SIMULATOR_URL: "http://127.0.0.1:9",
    AUTH_SECRET: "malformed-auth-secret-0123456789ab",
  });
}, 120_000);

afterAll(async () => {
  await app?.stop();
  rmSync(dir, { recursive: true, force: true });
});

/** What the server printed while `body` ran. */
async function logDuring(body: () => Promise<void>): Promise<string> {
  const before = app.output().length;
  await body();
  // Next.js logs an error a moment after the response it belongs to.
  await new Promise((r) => setTimeout(r, 200));
  return app.output().slice(before);
}

/** A stack trace, as Next.js or Node print one (Next.js hides the frames in production). */
const STACK = /^\s+at \S/m;

function action(
  id: string | undefined,
  init: {
    body?: string | Uint8Array<ArrayBuffer>;
    contentType?: string;
    // null: the header is not sent.
    headers?: Record<string, string | null>;
  },
  path = "/sign-up",
): Promise<Response> {
  const all: Record<string, string | null> = {
    accept: "text/x-component",
    origin: app.url,
    ...(id === undefined ? {} : { "next-action": id }),
    ...(init.contentType === undefined ? {} : { "content-type": init.contentType }),
    ...init.headers,
  };
  const headers = Object.fromEntries(
    Object.entries(all).filter((e): e is [string, string] => e[1] !== null),
  );
  return fetch(`${app.url}${path}`, {
    method: "POST",
    headers,
    body: init.body,
    redirect: "manual",
  });
}

const TEXT = "text/plain;charset=UTF-8";

describe("requests no browser of the studio's sends", () => {
  it("answers other methods on static files with 405 and the methods it takes", async () => {
    const log = await logDuring(async () => {
      for (const method of ["POST", "PUT", "DELETE", "OPTIONS", "PATCH"]) {
        const res = await fetch(`${app.url}/_next/static/chunks/${chunk}`, { method });
        expect(res.status, method).toBe(405);
        expect(res.headers.get("allow")).toBe("GET, HEAD");
      }
      const missing = await fetch(`${app.url}/_next/static/chunks/none.js?x=1`, { method: "POST" });
      expect(missing.status).toBe(405);
      expect((await fetch(`${app.url}/_next/static/chunks/${chunk}`)).status).toBe(200);
      expect(
        (await fetch(`${app.url}/_next/static/chunks/${chunk}`, { method: "HEAD" })).status,
      ).toBe(200);
    });
    expect(log).not.toMatch(STACK);
  });

  it("refuses a cross-site server action with 403, as Next.js's own origin rule decides", async () => {
    const log = await logDuring(async () => {
      const evil = await action(signUpId, {
        contentType: TEXT,
        body: "[{}]",
        headers: { origin: "https://evil.example" },
      });
      expect(evil.status).toBe(403);
      const opaque = await action(signUpId, {
        contentType: TEXT,
        body: "[{}]",
        headers: { origin: "null" },
      });
      expect(opaque.status).toBe(403);
      // A proxy that names another host than the page's origin.
      const forwarded = await action(signUpId, {
        contentType: TEXT,
        body: "[{}]",
        headers: { "x-forwarded-host": "elsewhere.example" },
      });
      expect(forwarded.status).toBe(403);
      const mpa = await action(undefined, {
        contentType: "multipart/form-data; boundary=b",
        body: `--b\r\nContent-Disposition: form-data; name="$ACTION_ID_${signUpId}"\r\n\r\n\r\n--b--\r\n`,
        headers: { origin: "https://evil.example" },
      });
      expect(mpa.status).toBe(403);
      const unreadable = await action(signUpId, {
        contentType: TEXT,
        body: "[{}]",
        headers: { origin: "not a url" },
      });
      expect(unreadable.status).toBe(400);
      const empty = await action(signUpId, {
        contentType: TEXT,
        body: "[{}]",
        headers: { origin: "" },
      });
      expect(empty.status).toBe(400);
    });
    expect(log).not.toMatch(STACK);
  });

  it("answers an action id that isn't one of the build's as Next.js does, without a stack trace", async () => {
    const log = await logDuring(async () => {
      const unknown = await action("f".repeat(42), { contentType: TEXT, body: "[]" });
      expect(unknown.status).toBe(409);
      expect(unknown.headers.get("x-nextjs-action-not-found")).toBe("1");
      for (const id of ["abc", "", "x".repeat(43), `${signUpId}, ${signUpId}`]) {
        const res = await action(id, { contentType: TEXT, body: "[]" });
        expect(res.status, JSON.stringify(id)).toBe(400);
        expect(res.headers.get("x-nextjs-action-not-found")).toBe("1");
      }
    });
    expect(log).not.toMatch(STACK);
  });

  it("refuses content types and sizes no action of the studio's is sent with", async () => {
    const log = await logDuring(async () => {
      for (const contentType of [
        "multipart/form-data; boundary=b",
        "multipart/form-data",
        "Multipart/Form-Data; boundary=b",
        "application/json",
        "application/x-www-form-urlencoded",
        undefined,
      ]) {
        // fetch labels a string text/plain itself, bytes not at all.
        const body = contentType === undefined ? new TextEncoder().encode("[]") : "[]";
        const res = await action(signUpId, { contentType, body });
        expect(res.status, String(contentType)).toBe(415);
      }
      // A form post to a page: the studio has no form actions.
      for (const body of ["junk", "--b\r\n\r\n--b--\r\n"]) {
        const res = await action(undefined, {
          contentType: "multipart/form-data; boundary=b",
          body,
        });
        expect(res.status).toBe(400);
      }
      const huge = await action(signUpId, {
        contentType: TEXT,
        body: `["${"x".repeat(1024 * 1024)}"]`,
      });
      expect(huge.status).toBe(413);
      // The same without a Content-Length: counted as it arrives.
      const chunked = await fetch(`${app.url}/sign-up`, {
        method: "POST",
        headers: { "next-action": signUpId, "content-type": TEXT, origin: app.url },
        body: new Blob([`["${"x".repeat(1024 * 1024)}"]`]).stream(),
        duplex: "half",
      } as RequestInit);
      expect(chunked.status).toBe(413);
    });
    expect(log).not.toMatch(STACK);
  });

  it("refuses an action body its decoder cannot read with 400", async () => {
    const bodies = [
      "",
      "[{",
      "not json",
      "5",
      '"text"',
      '["$1"]',
      '[{"email":"$Q1"}]',
      '["$K1"]',
      '["$n12x"]',
      '["$F1"]',
      '["$h0"]',
      '["$T"]',
      '["$"]',
      `${"[".repeat(5000)}${"]".repeat(5000)}`,
      JSON.stringify(Array.from({ length: 1001 }, () => 0)),
    ];
    const log = await logDuring(async () => {
      for (const body of bodies) {
        const res = await action(signUpId, { contentType: TEXT, body });
        expect(res.status, body.slice(0, 40)).toBe(400);
      }
    });
    expect(log).not.toMatch(STACK);
  });

  it("shrugs off a client that goes away halfway through an action's body", async () => {
    const log = await logDuring(async () => {
      const socket = connect(app.port, "127.0.0.1");
      await new Promise((ok) => socket.once("connect", ok));
      socket.write(
        `POST /sign-up HTTP/1.1\r\nHost: 127.0.0.1:${app.port}\r\nNext-Action: ${signUpId}\r\n` +
          `Content-Type: ${TEXT}\r\nContent-Length: 1000\r\n\r\n[{"email":`,
      );
      await new Promise((r) => setTimeout(r, 200));
      socket.destroy();
      await new Promise((r) => setTimeout(r, 200));
      expect((await fetch(`${app.url}/api/health`)).status).toBe(200);
    });
    expect(log).not.toMatch(STACK);
  });

  it("still runs a genuine same-origin action, directly and behind a proxy", async () => {
    const signUp = (email: string, headers: Record<string, string | null> = {}) =>
      action(signUpId, {
        contentType: TEXT,
        // As the browser's client encodes it: one argument, strings beginning with "$" escaped.
        body: JSON.stringify([{ email, password: "$$correct horse battery" }]),
        headers,
      });
    const log = await logDuring(async () => {
      const direct = await signUp(`direct-${Date.now()}@example.com`);
      expect(direct.status).toBe(200);
      expect(await direct.text()).toContain('"ok":true');
      const proxied = await signUp(`proxied-${Date.now()}@example.com`, {
        origin: "https://studio.example",
        "x-forwarded-host": "studio.example",
      });
      expect(proxied.status).toBe(200);
      expect(await proxied.text()).toContain('"ok":true');
      // A script's own request, without an Origin, as Next.js lets through.
      const scripted = await signUp(`scripted-${Date.now()}@example.com`, { origin: null });
      expect(scripted.status).toBe(200);
      // An action with no arguments, and one whose input its own validation refuses.
      const none = await action(signUpId, { contentType: TEXT, body: "[]" });
      expect(none.status).toBe(200);
      expect(await none.text()).toContain('"invalid_input"');
    });
    expect(log).not.toMatch(STACK);
  });
});

// Header values fetch can send: printable ASCII.
const printable = (maxLength: number) =>
  fc.string({
    unit: fc.integer({ min: 0x20, max: 0x7e }).map((c) => String.fromCharCode(c)),
    maxLength,
  });
// Strings with the reply format's markers: references to other parts, typed values.
const marker = fc.oneof(
  fc.constantFrom(
    "$1",
    "$@1",
    "$Q1",
    "$W1",
    "$K1",
    "$B1",
    "$F1",
    "$h1",
    "$T",
    "$n",
    "$n12x",
    "$n12",
    "$D",
    "$Dnot-a-date",
    "$undefined",
    "$NaN",
    "$-0",
    "$$x",
    "$S",
    "$i1",
    "$R1",
    "$r1",
    "$0:a",
    "$",
    "$Infinity",
  ),
  printable(12).map((s) => `$${s}`),
);
const replyValue = fc.letrec((tie) => ({
  value: fc.oneof(
    { depthSize: "small" },
    fc.jsonValue({ maxDepth: 2 }),
    marker,
    fc.array(tie("value"), { maxLength: 4 }),
    fc.dictionary(fc.string({ maxLength: 8 }), tie("value"), { maxKeys: 4 }),
  ),
})).value;
const boundary = fc.oneof(printable(80), fc.constantFrom("b", "----WebKitFormBoundaryAbCdEf"));
const multipartBody = fc
  .record({
    boundary,
    parts: fc.array(
      fc.record({
        name: fc.oneof(
          fc.constantFrom("0", "1", "2", "$ACTION_REF_1", "$ACTION_1:0", "$ACTION_KEY"),
          printable(20),
        ),
        value: fc.oneof(
          replyValue.map((v) => JSON.stringify(v) ?? ""),
          fc.string(),
        ),
        file: fc.boolean(),
      }),
      { maxLength: 4 },
    ),
    cut: fc.option(fc.nat(400)),
  })
  .map(({ boundary: b, parts, cut }) => {
    const fields = parts.map(
      (p) =>
        `--${b}\r\nContent-Disposition: form-data; name="${p.name}"${p.file ? '; filename="f.bin"\r\nContent-Type: application/octet-stream' : ""}\r\n\r\n${p.value}\r\n`,
    );
    const text = `${fields.join("")}--${b}--\r\n`;
    return { boundary: b, text: cut === null ? text : text.slice(0, cut) };
  });
const malformedRequest = fc.record({
  path: fc.constantFrom("/sign-up", "/", "/sign-in", "/w/nobody", "/s/not-a-token", "/nowhere"),
  id: fc.oneof(
    fc.constant("VALID"),
    fc.stringMatching(/^[0-9a-f]{42}$/),
    printable(50),
    fc.constant(undefined),
  ),
  body: fc.oneof(
    replyValue.map((v) => ({ kind: "text" as const, text: JSON.stringify(v) ?? "" })),
    fc
      .array(replyValue, { maxLength: 3 })
      .map((v) => ({ kind: "text" as const, text: JSON.stringify(v) })),
    fc.string({ maxLength: 200 }).map((text) => ({ kind: "text" as const, text })),
    fc.uint8Array({ maxLength: 200 }).map((bytes) => ({ kind: "bytes" as const, bytes })),
    multipartBody.map((m) => ({ kind: "multipart" as const, ...m })),
  ),
  contentType: fc.oneof(
    fc.constantFrom(
      "MATCH",
      TEXT,
      "text/plain",
      "application/json",
      "application/x-www-form-urlencoded",
      "multipart/form-data",
      "multipart/form-data; boundary=",
      "Multipart/Form-Data; boundary=b",
    ),
    boundary.map((b) => `multipart/form-data; boundary=${b}`),
    printable(40),
    fc.constant(undefined),
  ),
  // Mostly the page's own origin: the body and headers are what is malformed.
  origin: fc.oneof(
    { weight: 4, arbitrary: fc.constant("SAME") },
    fc.constant(null),
    fc.constantFrom("", "null", "not a url", "https://evil.example"),
  ),
});

describe("a fuzz loop of malformed server-action requests", () => {
  it("never answers 500, and never logs a stack trace", async () => {
    const statuses = new Map<number, number>();
    let errorRows = 0;
    const failures: string[] = [];
    const log = await logDuring(async () => {
      await fc.assert(
        fc.asyncProperty(malformedRequest, fc.nat(actionIds.length - 1), async (r, which) => {
          const id = r.id === "VALID" ? actionIds[which] : r.id;
          const contentType =
            r.contentType === "MATCH"
              ? r.body.kind === "multipart"
                ? `multipart/form-data; boundary=${r.body.boundary}`
                : TEXT
              : r.contentType;
          const body = r.body.kind === "bytes" ? r.body.bytes : r.body.text;
          const res = await action(
            id,
            { contentType, body, headers: { origin: r.origin === "SAME" ? app.url : r.origin } },
            r.path,
          );
          const text = await res.text();
          statuses.set(res.status, (statuses.get(res.status) ?? 0) + 1);
          if (res.status < 500 && /^[0-9a-f]+:E{/m.test(text)) errorRows++;
          if (res.status >= 500)
            failures.push(
              `${res.status} ${JSON.stringify({ id, contentType, body: String(body).slice(0, 80) })}`,
            );
        }),
        { numRuns: 600, seed: 20261204 },
      );
    });
    const stacks = log.split("\n").filter((line) => STACK.test(line)).length;
    console.log(
      `fuzz: ${[...statuses]
        .sort(([a], [b]) => a - b)
        .map(([s, n]) => `${s}×${n}`)
        .join(", ")}; 2xx/4xx with an error row: ${errorRows}; stack-trace lines logged: ${stacks}`,
    );
    expect(failures.slice(0, 10)).toEqual([]);
    expect(log).not.toMatch(STACK);
  });
});
