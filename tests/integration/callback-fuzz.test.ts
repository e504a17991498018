import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { signCallback } from "@/lib/kie/callback";
import { HMAC_KEY } from "@/tests/support/integration-setup";
import { generate, newWorkspace, studio, waitForState } from "@/tests/support/studio";

async function callbackUrlOf(taskId: string): Promise<string> {
  const res = await fetch(`${studio().sim.url}/__sim/tasks`);
  const { data } = (await res.json()) as { data: { taskId: string; callBackUrl: string }[] };
  const url = data.find((t) => t.taskId === taskId)?.callBackUrl;
  if (!url) throw new Error("no callback URL");
  return url;
}

// Hostile bodies: random JSON of every shape, near-miss callbacks with wrong types, odd unicode,
// deep nesting and raw bytes.
const weirdString = fc.oneof(
  fc.string(),
  fc.string({ unit: "grapheme" }),
  fc.constantFrom(
    "\u0000",
    "\uD800",
    "\uFEFF",
    "😀".repeat(100),
    "\u202E",
    "' OR 1=1 --",
    "../../etc/passwd",
  ),
);
const nearMiss = fc.record(
  {
    code: fc.oneof(fc.integer(), weirdString, fc.constant(null)),
    msg: weirdString,
    taskId: fc.oneof(weirdString, fc.integer(), fc.constant(null)),
    data: fc.oneof(
      fc.constant(null),
      fc.array(fc.anything()),
      fc.record(
        {
          taskId: fc.oneof(weirdString, fc.integer(), fc.boolean(), fc.object()),
          task_id: fc.oneof(weirdString, fc.integer()),
          state: fc.oneof(
            fc.constantFrom("success", "fail", "generating"),
            weirdString,
            fc.integer(),
          ),
          resultJson: fc.oneof(weirdString, fc.object(), fc.constant(null)),
          creditsConsumed: fc.oneof(fc.integer(), weirdString, fc.double()),
        },
        { requiredKeys: [] },
      ),
    ),
  },
  { requiredKeys: [] },
);
const body = fc.oneof(
  fc.json(),
  nearMiss.map((v) => JSON.stringify(v)),
  fc.nat({ max: 3000 }).map((n) => `${"[".repeat(n)}${"]".repeat(n)}`),
  fc.nat({ max: 3000 }).map((n) => `${'{"a":'.repeat(n)}1${"}".repeat(n)}`),
  fc.uint8Array({ maxLength: 512 }).map((b) => Buffer.from(b).toString("latin1")),
  weirdString,
);

describe("POST /api/kie/callback under fuzzing", () => {
  it("answers every hostile body with a 4xx JSON error and never changes a row", async () => {
    const ctx = await newWorkspace();
    // Slow and silent, so the only callbacks during the run are the fuzzer's.
    const dto = await generate(ctx, "fuzz target [sim:slow] [sim:nocallback]");
    const g = await waitForState(dto.id, ["waiting", "queuing", "generating"]);
    const url = await callbackUrlOf(g.providerTaskId ?? "");
    const before = await db.generation.findUniqueOrThrow({ where: { id: dto.id } });

    await fc.assert(
      fc.asyncProperty(body, fc.boolean(), async (raw, sign) => {
        const at = Math.floor(Date.now() / 1000);
        const headers: Record<string, string> = { "content-type": "application/json" };
        if (sign) {
          headers["x-webhook-timestamp"] = String(at);
          headers["x-webhook-signature"] = signCallback("not-this-task", at, HMAC_KEY);
        }
        const res = await fetch(url, { method: "POST", headers, body: raw });
        expect(res.status).toBeGreaterThanOrEqual(400);
        expect(res.status).toBeLessThan(500);
        expect(typeof ((await res.json()) as { error: unknown }).error).toBe("string");
      }),
      { numRuns: 300 },
    );

    const after = await db.generation.findUniqueOrThrow({ where: { id: dto.id } });
    expect(after.providerTaskId).toBe(before.providerTaskId);
    expect(after.callbackTokenHash).toBe(before.callbackTokenHash);
    expect(
      await db.providerEvent.count({ where: { generationId: dto.id, source: "callback" } }),
    ).toBe(0);
  });
});
