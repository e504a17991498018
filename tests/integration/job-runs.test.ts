import type { ChildProcess } from "node:child_process";
import { randomUUID } from "node:crypto";
import { existsSync, readFileSync } from "node:fs";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { join, resolve } from "node:path";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { newCallbackToken } from "@/lib/generations/callback-token";
import { enqueue } from "@/lib/jobs/jobs";
import { claimNextJob } from "@/lib/jobs/queue";
import { startWorker, stopWorker } from "@/lib/jobs/worker";
import { DEFAULT_MODEL } from "@/lib/kie/models";
import { kill9, startBackend } from "@/tests/support/backend-process";
import { generationRow, newWorkspace, waitFor } from "@/tests/support/studio";

// How a run of a job ends when it is not its own to finish: the worker stopped while a claim was
// on its way, the lease taken over by another instance, the process told to stop (SIGTERM, as a
// deploy does). The slow parts are real: a backend process (tests/support/studio-process.ts)
// downloading a real MP4 from a file host that sends it at a set pace.

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const video = readFileSync(
  resolve(import.meta.dirname, "../../lib/kie/simulator/assets/fallback.mp4"),
);

/** What the file host saw of each download, by the name in its URL. */
const downloads = new Map<string, { finished: boolean; aborted: boolean }>();
const files = createServer((req, res) => {
  const url = new URL(req.url ?? "/", "http://files");
  const name = url.pathname.replace(/^\/|\.mp4$/g, "");
  const chunk = Number(url.searchParams.get("chunk"));
  const everyMs = Number(url.searchParams.get("everyMs"));
  const seen = { finished: false, aborted: false };
  downloads.set(name, seen);
  res.writeHead(200, { "content-type": "video/mp4", "content-length": video.length });
  let sent = 0;
  const timer = setInterval(() => {
    const next = video.subarray(sent, sent + chunk);
    sent += next.length;
    res.write(next);
    if (sent < video.length) return;
    clearInterval(timer);
    seen.finished = true;
    res.end();
  }, everyMs);
  res.on("close", () => {
    clearInterval(timer);
    if (!seen.finished) seen.aborted = true;
  });
});
let filesUrl = "";
let child: ChildProcess | null = null;
let ctx: Awaited<ReturnType<typeof newWorkspace>>;

beforeAll(async () => {
  // Only the processes each test starts work the queue.
  await stopWorker();
  await new Promise<void>((r) => files.listen(0, "127.0.0.1", r));
  filesUrl = `http://127.0.0.1:${(files.address() as AddressInfo).port}`;
  ctx = await newWorkspace();
});
afterEach(async () => {
  if (child) await kill9(child);
  child = null;
});
afterAll(async () => {
  files.closeAllConnections();
  await new Promise((r) => files.close(r));
});

/** The backend, with the file host as its kie.ai origin: the one place results may come from. */
const backend = () => startBackend({ KIE_BASE_URL: filesUrl });

/**
 * A generation kie.ai finished, whose video is to be copied from the file host at `pace`
 * (bytes per tick, ms per tick; the video is 70 KB), with its store-media job queued.
 */
async function videoToStore(name: string, pace: { chunk: number; everyMs: number }) {
  const g = await db.generation.create({
    data: {
      workspaceId: ctx.workspace.id,
      authorId: ctx.userId,
      prompt: `a video downloaded slowly (${name})`,
      promptOptimizer: true,
      model: DEFAULT_MODEL,
      state: "success",
      mediaState: "pending",
      providerTaskId: `task_${randomUUID()}`,
      resultUrl: `${filesUrl}/${name}.mp4?chunk=${pace.chunk}&everyMs=${pace.everyMs}`,
      idempotencyKey: randomUUID(),
      callbackTokenHash: newCallbackToken().hash,
    },
    select: { id: true },
  });
  await enqueue("store-media", { generationId: g.id });
  return g.id;
}

const storedFile = (id: string) =>
  join(process.env.MEDIA_DIR ?? "", ctx.workspace.id, id, "video.mp4");

describe("a job's run", () => {
  it("is not started by a worker that was stopped while its claim was on the way", async () => {
    // A sync for no generation: run, it would only delete its job.
    const payload = { generationId: randomUUID(), reason: "callback" } as const;
    await enqueue("sync", payload);
    // The loop claims at once; the stop comes while that claim is still on its way.
    startWorker();
    await stopWorker();
    await sleep(500);
    const job = await db.job.findUnique({
      where: { dedupeKey: `callback:${payload.generationId}` },
    });
    expect(job).toMatchObject({ lockedBy: null, lockedUntil: null, attempts: 0 });
    await db.job.deleteMany({ where: { dedupeKey: `callback:${payload.generationId}` } });
  });

  it("stops when its lease went to another worker, and records nothing", async () => {
    child = await backend();
    // About 3.5 s in all; the lease (4 s in tests) is renewed every 1.3 s.
    const id = await videoToStore("lease-lost", { chunk: 4096, everyMs: 200 });
    await waitFor(async () => downloads.has("lease-lost"), { what: "the download to start" });
    // As another instance does when it finds the lease run out: the job is now its run's.
    const other = "another-instance:run";
    await db.job.updateMany({
      where: { dedupeKey: `store:${id}` },
      data: { lockedBy: other, lockedUntil: new Date(Date.now() + 60_000) },
    });
    await waitFor(async () => downloads.get("lease-lost")?.aborted, {
      timeoutMs: 3_000,
      intervalMs: 50,
      what: "the download to be called off",
    });
    // Past the moment the download would have ended and the video been stored.
    await sleep(3_000);
    expect(await generationRow(id)).toMatchObject({
      mediaState: "pending",
      mediaKey: null,
      mediaError: null,
    });
    expect(existsSync(storedFile(id))).toBe(false);
    const job = await db.job.findUniqueOrThrow({ where: { dedupeKey: `store:${id}` } });
    expect(job).toMatchObject({ lockedBy: other, lastError: null, attempts: 1, failedAt: null });
    await db.job.delete({ where: { id: job.id } });
  });

  it("on SIGTERM, finishes if it can within the grace, or is stopped and released at once", async () => {
    child = await backend();
    const quick = await videoToStore("drain-quick", { chunk: 8192, everyMs: 150 }); // ~1.3 s
    const slow = await videoToStore("drain-slow", { chunk: 1024, everyMs: 200 }); // ~14 s
    await waitFor(async () => downloads.has("drain-quick") && downloads.has("drain-slow"), {
      what: "both downloads to start",
    });
    const proc = child;
    const exited = new Promise<number | null>((r) => proc.once("exit", (code) => r(code)));
    const sent = Date.now();
    proc.kill("SIGTERM");
    expect(await exited).toBe(143);
    child = null;
    // The grace is 5 s; the slow download alone would have taken 14.
    expect(Date.now() - sent).toBeLessThan(8_000);

    expect(downloads.get("drain-quick")?.finished).toBe(true);
    expect(await generationRow(quick)).toMatchObject({ mediaState: "stored" });
    expect(existsSync(storedFile(quick))).toBe(true);
    expect(await db.job.count({ where: { dedupeKey: `store:${quick}` } })).toBe(0);

    expect(downloads.get("drain-slow")?.aborted).toBe(true);
    expect(await generationRow(slow)).toMatchObject({ mediaState: "pending", mediaKey: null });
    const left = await db.job.findUniqueOrThrow({ where: { dedupeKey: `store:${slow}` } });
    // Released: no lease to wait out, and the cut-short try not counted as a failure.
    expect(left).toMatchObject({
      lockedBy: null,
      lockedUntil: null,
      attempts: 0,
      lastError: null,
      failedAt: null,
    });
    const next = await claimNextJob({ kinds: ["store-media"] });
    expect(next?.id).toBe(left.id);
    await db.job.delete({ where: { id: left.id } });
  });
});
