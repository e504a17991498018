import { describe, expect, it, vi } from "vitest";
import { db } from "@/lib/db";
import { signCallback } from "@/lib/kie/callback";
import { HMAC_KEY } from "@/tests/support/integration-setup";
import {
  generate,
  generationRow,
  newWorkspace,
  studio,
  waitFor,
  waitForState,
} from "@/tests/support/studio";

interface SimTask {
  taskId: string;
  callBackUrl: string | null;
}

async function callbackUrlOf(taskId: string): Promise<string> {
  const res = await fetch(`${studio().sim.url}/__sim/tasks`);
  const { data } = (await res.json()) as { data: SimTask[] };
  const url = data.find((t) => t.taskId === taskId)?.callBackUrl;
  if (!url) throw new Error(`the simulator has no callback URL for ${taskId}`);
  return url;
}

function successBody(taskId: string, state = "success") {
  return JSON.stringify({
    code: state === "success" ? 200 : 501,
    msg: "Playground task completed successfully.",
    data: {
      taskId,
      state,
      resultJson: '{"resultUrls":["https://evil.example/x.mp4"]}',
      creditsConsumed: 57,
    },
  });
}

function post(url: string, body: string, headers: Record<string, string> = {}) {
  return fetch(url, {
    method: "POST",
    headers: { "content-type": "application/json", ...headers },
    body,
  });
}

function signed(taskId: string, at = Math.floor(Date.now() / 1000)) {
  return {
    "x-webhook-timestamp": String(at),
    "x-webhook-signature": signCallback(taskId, at, HMAC_KEY),
  };
}

/** A finished generation whose callback arrived, with the URL its callbacks come to. */
async function finishedGeneration() {
  const ctx = await newWorkspace();
  const dto = await generate(ctx, "海边的灯塔，黄昏，缓慢推镜");
  const g = await waitForState(dto.id, ["success"]);
  await waitFor(async () => (await generationRow(dto.id)).mediaState === "stored", {
    what: "media",
  });
  // The job that stored the media is deleted just after it marks the media stored; wait for
  // that too, so a snapshot taken now is not changed by the worker finishing.
  await waitFor(
    async () => (await db.job.count({ where: { payload: { contains: dto.id } } })) === 0,
    { what: "the generation's jobs to finish" },
  );
  const taskId = g.providerTaskId ?? "";
  return { id: dto.id, taskId, url: await callbackUrlOf(taskId) };
}

async function snapshot(id: string) {
  const g = await generationRow(id);
  const jobs = await db.job.count({ where: { payload: { contains: id } } });
  return {
    state: g.state,
    resultUrl: g.resultUrl,
    mediaKey: g.mediaKey,
    updatedAt: g.updatedAt.getTime(),
    jobs,
  };
}

describe("POST /api/kie/callback", () => {
  it("five duplicate deliveries after the end change nothing", async () => {
    const f = await finishedGeneration();
    const before = await snapshot(f.id);
    for (let i = 0; i < 5; i++) {
      const res = await post(f.url, successBody(f.taskId), signed(f.taskId));
      expect(res.status).toBe(200);
      expect(await res.json()).toEqual({ code: 200, msg: "success" });
    }
    expect(await snapshot(f.id)).toEqual(before);
    const applied = await db.providerEvent.count({
      where: { generationId: f.id, source: { startsWith: "sync-" }, state: "success" },
    });
    expect(applied).toBe(1);
  });

  it("a late, out-of-order 'fail' for a finished task changes nothing: recordInfo is the truth", async () => {
    const f = await finishedGeneration();
    const before = await snapshot(f.id);
    const res = await post(f.url, successBody(f.taskId, "fail"), signed(f.taskId));
    expect(res.status).toBe(200);
    expect(await snapshot(f.id)).toEqual(before);
  });

  it("duplicate callbacks while running sync once and store the video once", async () => {
    const ctx = await newWorkspace();
    const delivered = studio().sim.stats().callbacksDelivered;
    const dto = await generate(ctx, "a red kite over hills [sim:dupcallback]");
    await waitForState(dto.id, ["success"]);
    const g = await waitFor(async () => {
      const row = await generationRow(dto.id);
      return row.mediaState === "stored" ? row : null;
    });
    // The simulator repeats the callback 150 ms apart; the video may be stored before a repeat.
    await waitFor(async () => studio().sim.stats().callbacksDelivered - delivered >= 2, {
      what: "a repeated callback",
    });
    // Whatever the repeats queued has run before the syncs are counted.
    await waitFor(
      async () => (await db.job.count({ where: { payload: { contains: dto.id } } })) === 0,
      { what: `the jobs of ${dto.id} to finish` },
    );
    expect(
      await db.providerEvent.count({
        where: { generationId: dto.id, source: { startsWith: "sync-" }, state: "success" },
      }),
    ).toBe(1);
    expect(g.mediaKey).toBeTruthy();
    // The repeats were acknowledged; one callback is kept.
    expect(
      await db.providerEvent.count({ where: { generationId: dto.id, source: "callback" } }),
    ).toBe(1);
  });

  it("replays after the end are acknowledged and not stored", async () => {
    const f = await finishedGeneration();
    const events = () => db.providerEvent.count({ where: { generationId: f.id } });
    const before = await events();
    for (let i = 0; i < 25; i++) {
      const res = await post(f.url, successBody(f.taskId), signed(f.taskId));
      expect(res.status).toBe(200);
      expect(await res.json()).toEqual({ code: 200, msg: "success" });
    }
    expect(await events()).toBe(before);
    expect(
      await db.providerEvent.count({ where: { generationId: f.id, source: "callback" } }),
    ).toBe(1);
  });

  it("refuses a callback whose token is one generation's and task id another's: 409, nothing written", async () => {
    const other = await finishedGeneration();
    const ctx = await newWorkspace();
    // createTask never answers: the generation has no task id, and only a callback can claim one.
    const prompt = `a moth at a lamp ${Date.now()} [sim:timeout] [sim:slow] [sim:nocallback]`;
    const dto = await generate(ctx, prompt);
    expect(dto.submitStatus).toBe("unknown");
    const url = await waitFor(async () => {
      const res = await fetch(`${studio().sim.url}/__sim/tasks`);
      const { data } = (await res.json()) as { data: (SimTask & { prompt: string })[] };
      return data.find((t) => t.prompt === prompt)?.callBackUrl ?? null;
    });
    const before = await generationRow(dto.id);
    const otherBefore = await snapshot(other.id);
    const otherEvents = await db.providerEvent.count({ where: { generationId: other.id } });
    const errors = vi.spyOn(console, "error");
    try {
      for (let i = 0; i < 3; i++) {
        const res = await post(url, successBody(other.taskId), signed(other.taskId));
        expect(res.status).toBe(409);
        expect(await res.json()).toEqual({ error: "task_mismatch" });
      }
      expect(errors).not.toHaveBeenCalled();
    } finally {
      errors.mockRestore();
    }
    expect(await generationRow(dto.id)).toEqual(before);
    expect(await db.providerEvent.count({ where: { generationId: dto.id } })).toBe(0);
    expect(await snapshot(other.id)).toEqual(otherBefore);
    expect(await db.providerEvent.count({ where: { generationId: other.id } })).toBe(otherEvents);
  });

  it.each([
    [
      "a forged signature",
      (id: string) => ({
        ...signed(id),
        "x-webhook-signature": signCallback(id, Math.floor(Date.now() / 1000), "wrong-key"),
      }),
      401,
    ],
    ["no signature", () => ({}), 401],
    ["a stale timestamp", (id: string) => signed(id, Math.floor(Date.now() / 1000) - 3600), 401],
    ["a signature for another task", () => signed("task_someone_else"), 401],
  ])("refuses %s and changes nothing", async (_name, headers, status) => {
    const f = await finishedGeneration();
    const before = await snapshot(f.id);
    const res = await post(f.url, successBody(f.taskId, "fail"), headers(f.taskId));
    expect(res.status).toBe(status);
    expect(((await res.json()) as { error: string }).error).toMatch(/^signature_/);
    expect(await snapshot(f.id)).toEqual(before);
  });

  it("answers bad input with a short 4xx JSON error, never a 500", async () => {
    const f = await finishedGeneration();
    const before = await snapshot(f.id);
    const base = f.url.split("?")[0] ?? "";
    const cases: [string, string, number][] = [
      [f.url, "{not json", 400],
      [f.url, "", 400],
      [f.url, "[]", 400],
      [f.url, JSON.stringify({ data: { taskId: 42 } }), 400],
      [f.url, JSON.stringify({ code: 200, data: {} }), 400],
      [f.url, "[".repeat(5000), 400],
      [f.url, JSON.stringify({ data: { taskId: "x", pad: "a".repeat(200_000) } }), 413],
      [base, successBody(f.taskId), 401],
      [`${base}?t=not-a-real-token`, successBody(f.taskId), 404],
      [f.url, successBody("task_other"), 401],
    ];
    for (const [url, body, status] of cases) {
      const res = await post(url, body, signed(f.taskId));
      expect(res.status, `${body.slice(0, 40)} → ${status}`).toBe(status);
      expect(res.headers.get("content-type")).toMatch(/json/);
      expect(typeof ((await res.json()) as { error: unknown }).error).toBe("string");
    }
    expect(await snapshot(f.id)).toEqual(before);
  });
});
