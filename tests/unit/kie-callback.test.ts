import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { describe, expect, it } from "vitest";
import {
  MAX_CALLBACK_BYTES,
  parseCallbackBody,
  signCallback,
  verifyCallbackSignature,
} from "@/lib/kie/callback";

function callbackBody(name: string): string {
  const path = resolve(import.meta.dirname, "../fixtures/kie", `${name}.json`);
  const { body } = JSON.parse(readFileSync(path, "utf8")) as { body: string };
  return body;
}

describe("parseCallbackBody", () => {
  it("reads a success callback with the id at data.taskId", () => {
    expect(parseCallbackBody(callbackBody("callback-success"))).toEqual({
      ok: true,
      callback: {
        taskId: "task_hailuo_1765185319478",
        state: "success",
        code: 200,
        creditsConsumed: 57,
        failCode: null,
        failMsg: null,
      },
    });
  });

  it("reads a failure callback with the id at data.task_id and resultJson null", () => {
    expect(parseCallbackBody(callbackBody("callback-fail-task-id-snake"))).toEqual({
      ok: true,
      callback: {
        taskId: "9f86d081884c7d659a2feaa0c55ad015",
        state: "fail",
        code: 501,
        creditsConsumed: 0,
        failCode: "500",
        failMsg: "Internal error",
      },
    });
  });

  it("reads the id from a top-level taskId", () => {
    const parsed = parseCallbackBody(callbackBody("callback-top-level-task-id"));
    expect(parsed).toMatchObject({
      ok: true,
      callback: { taskId: "task_hailuo_1765185319478", state: "success", code: 200 },
    });
  });

  it("tolerates missing pieces: no data, no id, unknown state, numeric failCode", () => {
    expect(parseCallbackBody("{}")).toEqual({
      ok: true,
      callback: {
        taskId: null,
        state: null,
        code: null,
        creditsConsumed: null,
        failCode: null,
        failMsg: null,
      },
    });
    const odd = JSON.stringify({
      code: 501,
      data: { taskId: " t1 ", state: "EXPLODED", failCode: 422, failMsg: "" },
    });
    expect(parseCallbackBody(odd)).toMatchObject({
      ok: true,
      callback: { taskId: "t1", state: null, failCode: "422", failMsg: null },
    });
    const shouting = JSON.stringify({ data: { taskId: "t1", state: "SUCCESS" } });
    expect(parseCallbackBody(shouting)).toMatchObject({ callback: { state: "success" } });
  });

  it.each([
    ["empty", "", "not valid JSON"],
    ["garbage", "taskId=abc&state=success", "not valid JSON"],
    ["truncated", '{"data":{"taskId":"t1"', "not valid JSON"],
    ["null", "null", "body is invalid"],
    ["number", "42", "body is invalid"],
    ["string", '"task"', "body is invalid"],
    ["array", '[{"data":{"taskId":"t1"}}]', "body is invalid"],
    ["data as string", '{"data":"t1"}', "data is invalid"],
    ["data as array", '{"data":["t1"]}', "data is invalid"],
    ["numeric task id", '{"data":{"taskId":123}}', "data.taskId is invalid"],
    ["object task id", '{"taskId":{"id":"t1"}}', "taskId is invalid"],
    ["code as word", '{"code":"ok","data":{"taskId":"t1"}}', "code is invalid"],
    ["state as number", '{"data":{"taskId":"t1","state":3}}', "data.state is invalid"],
    ["conflicting ids", '{"taskId":"t2","data":{"taskId":"t1"}}', "conflicting task ids"],
    ["huge task id", JSON.stringify({ data: { taskId: "t".repeat(1000) } }), "too long"],
    ["deep arrays", `${"[".repeat(20_000)}${"]".repeat(20_000)}`, "nested too deeply"],
    ["deep objects", `${'{"a":'.repeat(5_000)}1${"}".repeat(5_000)}`, "nested too deeply"],
    [
      "too large",
      JSON.stringify({ data: { taskId: "t1" }, pad: "x".repeat(MAX_CALLBACK_BYTES) }),
      "too large",
    ],
  ])("refuses %s without throwing", (_, raw, fragment) => {
    const parsed = parseCallbackBody(raw);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) {
      expect(parsed.error).toContain(fragment);
      expect(parsed.error.length).toBeLessThan(120);
    }
  });

  it("counts the size limit in bytes, not characters", () => {
    const justUnder = JSON.stringify({ data: { taskId: "t1" }, pad: "" });
    const room = MAX_CALLBACK_BYTES - justUnder.length;
    const ascii = JSON.stringify({ data: { taskId: "t1" }, pad: "x".repeat(room) });
    expect(parseCallbackBody(ascii).ok).toBe(true);
    // the same number of characters, each three bytes in UTF-8
    const cjk = JSON.stringify({ data: { taskId: "t1" }, pad: "雪".repeat(room) });
    expect(parseCallbackBody(cjk).ok).toBe(false);
  });

  it("does not mistake brackets inside strings for nesting", () => {
    const raw = JSON.stringify({ data: { taskId: "t1", failMsg: "[[[[{{{{".repeat(200) } });
    expect(parseCallbackBody(raw)).toMatchObject({ ok: true, callback: { taskId: "t1" } });
  });
});

describe("callback signature", () => {
  const key = "whsec_test_key";
  const taskId = "task_hailuo_1765185319478";
  const timestamp = 1700000000;
  const nowMs = timestamp * 1000 + 30_000;
  // Computed independently: printf 'task_hailuo_1765185319478.1700000000' |
  //   openssl dgst -sha256 -hmac whsec_test_key -binary | base64
  const known = "kGKe0KSnVpXwEtc/NrHmfDa6LaZ0RTDp7pnfZcpsFlk=";

  it("signs as kie.ai does", () => {
    expect(signCallback(taskId, timestamp, key)).toBe(known);
  });

  it("accepts a valid, fresh signature", () => {
    expect(
      verifyCallbackSignature({ taskId, timestamp: "1700000000", signature: known, key, nowMs }),
    ).toBe("ok");
  });

  it("reports missing headers", () => {
    for (const [ts, sig] of [
      [null, known],
      ["1700000000", null],
      ["", known],
      ["1700000000", "  "],
    ] as const) {
      expect(verifyCallbackSignature({ taskId, timestamp: ts, signature: sig, key, nowMs })).toBe(
        "missing",
      );
    }
  });

  it("refuses timestamps outside the window, past or future", () => {
    const check = (ts: number, windowSec?: number) =>
      verifyCallbackSignature({
        taskId,
        timestamp: String(ts),
        signature: signCallback(taskId, ts, key),
        key,
        nowMs,
        windowSec,
      });
    const now = nowMs / 1000;
    expect(check(now - 300)).toBe("ok");
    expect(check(now - 301)).toBe("stale");
    expect(check(now + 301)).toBe("stale");
    expect(check(now - 100, 60)).toBe("stale");
  });

  it("refuses a wrong key, another task id, a changed timestamp or a garbled timestamp", () => {
    const base = { taskId, timestamp: "1700000000", signature: known, key, nowMs };
    expect(verifyCallbackSignature({ ...base, key: "other" })).toBe("invalid");
    expect(verifyCallbackSignature({ ...base, taskId: "task_other" })).toBe("invalid");
    expect(verifyCallbackSignature({ ...base, timestamp: "1700000001" })).toBe("invalid");
    expect(verifyCallbackSignature({ ...base, timestamp: "17e8" })).toBe("invalid");
    expect(verifyCallbackSignature({ ...base, timestamp: "01700000000" })).toBe("invalid");
  });

  it("refuses signatures of the wrong length without throwing", () => {
    const base = { taskId, timestamp: "1700000000", key, nowMs };
    for (const signature of [known.slice(0, -1), `${known}A`, "x", "é".repeat(44)]) {
      expect(verifyCallbackSignature({ ...base, signature })).toBe("invalid");
    }
  });
});
