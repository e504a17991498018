import fc from "fast-check";
// Next.js's and React's own code, which the studio's checks must agree with.
import { encodeReply } from "next/dist/compiled/react-server-dom-turbopack/client.node";
import { parseHostHeader } from "next/dist/server/app-render/action-handler";
import { isCsrfOriginAllowed } from "next/dist/server/app-render/csrf-protection";
import { describe, expect, it } from "vitest";
import { isPlainActionReply } from "@/lib/http/plain-action-reply";
import { serverActionOrigin } from "@/lib/http/server-action-origin";

/** Next.js's decision in `handleAction`, after its server set X-Forwarded-Host from Host. */
function nextRunsAction(
  headers: Record<string, string | undefined>,
  allowedOrigins: string[],
): "same" | "cross-site" | "unreadable" {
  const seen = { ...headers };
  seen["x-forwarded-host"] ??= seen.host;
  const origin = seen.origin;
  if (origin === undefined) return "same";
  let originHost: string;
  try {
    originHost = origin === "null" ? "null" : new URL(origin).host;
  } catch {
    return "unreadable";
  }
  const host = parseHostHeader(seen);
  if (host && originHost === host.value) return "same";
  return isCsrfOriginAllowed(originHost, allowedOrigins) ? "same" : "cross-site";
}

const hostname = fc.constantFrom(
  "studio.example",
  "Studio.Example",
  "studio.example:443",
  "127.0.0.1:3000",
  "a.studio.example",
  "evil.example",
  "",
  " studio.example ",
);

describe("serverActionOrigin", () => {
  it("decides as Next.js does, for any Origin, Host and X-Forwarded-Host", () => {
    fc.assert(
      fc.property(
        fc.record(
          {
            origin: fc.oneof(
              hostname.map((h) => `https://${h}`),
              fc.constantFrom(
                "null",
                "",
                "not a url",
                "https://studio.example:443",
                "http://[::1]",
              ),
            ),
            host: hostname,
            "x-forwarded-host": fc.oneof(
              hostname,
              fc.tuple(hostname, hostname).map(([a, b]) => `${a}, ${b}`),
            ),
          },
          { requiredKeys: [] },
        ),
        fc.array(fc.constantFrom("studio.example", "*.studio.example", "**.example", "*", ""), {
          maxLength: 2,
        }),
        (headers, allowed) => {
          const ours = serverActionOrigin(headers, allowed);
          // Without either header Next.js compares with the hostname it was started on.
          if (headers.host === undefined && headers["x-forwarded-host"] === undefined)
            expect(ours === "undecided" || ours === nextRunsAction(headers, allowed)).toBe(true);
          else expect(ours).toBe(nextRunsAction(headers, allowed));
        },
      ),
      { numRuns: 2000 },
    );
  });
});

// What the studio's inputs are made of, and what React's client writes inline for them.
const plainValue = fc.letrec((tie) => ({
  value: fc.oneof(
    { depthSize: "small", maxDepth: 6 },
    fc.jsonValue({ maxDepth: 1 }),
    fc.string().map((s) => `$${s}`),
    fc.constantFrom(undefined, Number.NaN, Number.POSITIVE_INFINITY, -0),
    fc.date({ noInvalidDate: true }),
    fc.bigInt(),
    fc.array(tie("value"), { maxLength: 4 }),
    fc.dictionary(fc.string({ maxLength: 6 }), tie("value"), { maxKeys: 4, noNullPrototype: true }),
  ),
})).value;

describe("isPlainActionReply", () => {
  it("accepts whatever React's client writes for plain arguments", async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(plainValue, { maxLength: 3 }), async (args) => {
        const body = await encodeReply(args);
        expect(typeof body).toBe("string");
        expect(isPlainActionReply(body as string)).toBe(true);
      }),
      { numRuns: 500 },
    );
  });

  it("refuses what is not JSON, not an argument list, or refers to parts a text body lacks", () => {
    for (const body of [
      "",
      "[{",
      "5",
      "{}",
      "null",
      '["$1"]',
      '["$@1"]',
      '[{"a":["$Q1"]}]',
      '["$K1"]',
      '["$F1"]',
      '["$h1"]',
      '["$T"]',
      '["$"]',
      '["$n12x"]',
      `["$n${"9".repeat(301)}"]`,
      `${"[".repeat(33)}${"]".repeat(33)}`,
      JSON.stringify(Array.from({ length: 1001 }, () => 0)),
      JSON.stringify([Array.from({ length: 1_000_001 }, () => 0)]),
    ]) {
      expect(isPlainActionReply(body), body.slice(0, 40)).toBe(false);
    }
  });
});
