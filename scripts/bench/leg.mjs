#!/usr/bin/env node
// One leg of `npm run bench`: the production build on one database (sqlite | postgresql), with the
// kie.ai simulator, measured against references taken in the same run. Started by scripts/bench.mjs
// as `node --conditions=react-server scripts/bench/leg.mjs <provider> <result.json> [memory]` (the condition
// lets the studio's server-only modules load outside Next.js). Progress goes to stderr.
import { randomBytes, randomUUID } from "node:crypto";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { loadavg, tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { performance } from "node:perf_hooks";
import { register } from "tsx/esm/api";
import {
  appMemory,
  cpuSeconds,
  freePort,
  processTree,
  rssMiB,
  sampleMemory,
  startApp,
  startChild,
} from "./app.mjs";
import { median, percentile, runLoad } from "./load.mjs";
import { openEvents } from "./sse.mjs";

register();
const provider = process.argv[2];
const outFile = process.argv[3];
// `memory`: the run stops after the callback load, where memory is measured (video and gallery
// figures are left out).
const memoryOnly = process.argv[4] === "memory";
if (!["sqlite", "postgresql"].includes(provider) || !outFile) {
  throw new Error("usage: leg.mjs <sqlite|postgresql> <result.json> [memory]");
}

// Sizes and bounds: every loop stops at a request count or a time limit, whichever comes first.
const LATENCY_N = 60;
const CALLBACK_SPACING_MS = 150;
const THROUGHPUT_N = 240;
const CONNECTIONS = 10;
const LOAD_MAX_REQUESTS = 40_000;
const LOAD_MAX_MS = 8_000;
const GALLERY_SIZES = [100, 10_000, 100_000];
const GALLERY_ROUNDS = 30;
const VIDEO_MIB = 20;
const VIDEO_CONNECTIONS = 4;
const VIDEO_MAX_REQUESTS = 4_000;
const VIDEO_MAX_MS = 5_000;
// Interleaved rounds of each video measurement; the best round of each counts.
const VIDEO_ROUNDS = 3;
const MiB = 1024 * 1024;

const HMAC = "bench-hmac-key";
const AUTH_SECRET = "bench-auth-secret-0123456789abcdef";
const log = (line) => process.stderr.write(`[bench ${provider}] ${line}\n`);
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
const round = (n, d = 1) => Math.round(n * 10 ** d) / 10 ** d;

const dir = mkdtempSync(join(tmpdir(), `studio-bench-${provider}-`));
const cleanups = [];
async function cleanup() {
  for (const fn of cleanups.reverse()) {
    try {
      await fn();
    } catch (e) {
      log(`cleanup: ${e}`);
    }
  }
  rmSync(dir, { recursive: true, force: true });
}

async function main() {
  const result = { provider, startedAt: new Date().toISOString() };
  const loadStart = loadavg();

  // --- database, simulator, app -------------------------------------------------------------
  let databaseUrl = `file:${join(dir, "studio.db")}`;
  if (provider === "postgresql") {
    const { startTempPostgres } = await import("../temp-postgres.mjs");
    const pg = await startTempPostgres();
    cleanups.push(() => pg.stop());
    databaseUrl = pg.url;
  }
  const { buildCallbackBody } = await import("../../lib/kie/simulator/deliver-callback.ts");
  const { signWebhook } = await import("../../lib/kie/simulator/signing.ts");
  const sim = await startChild("simulator.mjs", [join(dir, "simulator"), HMAC]);
  cleanups.push(() => sim.stop());

  const port = await freePort();
  const env = {
    DATABASE_URL: databaseUrl,
    APP_URL: `http://127.0.0.1:${port}`,
    SIMULATOR_URL: sim.url,
    MEDIA_DIR: join(dir, "media"),
    KIE_WEBHOOK_HMAC_KEY: HMAC,
    AUTH_SECRET,
    // The reconciler's first poll comes ~40 min after a submission instead of ~2 s, so every
    // final state here arrives through a callback the bench sent and timed.
    RECONCILE_SCALE: "1000",
    BENCH_ROUTES: "1",
    NEXT_DIST_DIR: ".next",
  };
  // The bench's own domain calls (creating generations, seeding) use the same settings.
  Object.assign(process.env, env);
  const app = await startApp(env, port);
  cleanups.push(() => app.stop());
  log(`app on ${app.url} (pid ${app.pid}), simulator on ${sim.url}`);
  // Booted (the server answers only once its boot is over) and not yet asked for anything else.
  await sleep(2_000);
  const memoryAtBoot = appMemory(app.pid);

  const { db } = await import("../../lib/db.ts");
  cleanups.push(() => db.$disconnect());
  const { createWorkspace } = await import("../../lib/workspaces/create-workspace.ts");
  const { createGeneration } = await import("../../lib/generations/create-generation.ts");
  const { signedUpPerson } = await import("../../tests/support/signed-up-person.ts");

  const { userId, email, slug, workspace, cookie } = await signedUpPerson("bench", AUTH_SECRET);

  // --- real generations: created through the domain, finished by the simulator ----------------
  const total = LATENCY_N + THROUGHPUT_N;
  const prompts = ["晨雾中的古镇石桥", "a red kite over green hills", "雨夜霓虹街头的橘猫"];
  let t0 = performance.now();
  const ids = [];
  for (let i = 0; i < total; i++) {
    const dto = await createGeneration({
      workspace,
      authorId: userId,
      prompt: `${prompts[i % prompts.length]} #${i}`,
      promptOptimizer: i % 2 === 0,
      idempotencyKey: randomUUID(),
    });
    ids.push(dto.id);
  }
  log(`${total} generations created in ${round((performance.now() - t0) / 1000)} s`);
  const callbacks = await finishedCallbacks({ sim, db, ids, buildCallbackBody, signWebhook });
  const latencyIds = ids.slice(0, LATENCY_N);
  const throughputIds = ids.slice(LATENCY_N);

  // --- warm-up: every route on the way is compiled and its connections opened -----------------
  const noopBody = callbacks.get(latencyIds[0]).body;
  for (let i = 0; i < 100; i++) {
    await (await post(`${app.url}/api/bench/noop`, noopBody, {})).arrayBuffer();
    await (await post(`${app.url}/api/kie/callback?t=warm-up-unknown`, noopBody, {})).arrayBuffer();
  }
  for (let i = 0; i < 10; i++) {
    await (
      await fetch(`${app.url}/api/w/${slug}/generations`, { headers: { cookie } })
    ).arrayBuffer();
  }

  // --- 1. callback → live event in a connected browser --------------------------------------
  const events = openEvents(`${app.url}/api/w/${slug}/events`, cookie);
  cleanups.push(() => events.close());
  await events.ready;
  const arrival = [];
  const answered = [];
  let missed = 0;
  for (const id of latencyIds) {
    const cb = callbacks.get(id);
    const heard = events.waitFor(id, "success", 10_000);
    const start = performance.now();
    const res = await post(cb.url, cb.body, cb.headers());
    await res.arrayBuffer();
    answered.push(performance.now() - start);
    if (res.status !== 200) throw new Error(`callback answered ${res.status}`);
    const at = await heard;
    if (at === null) missed++;
    else arrival.push(at - start);
    // Callbacks start at most every 150 ms (~6.7/s): over three times as fast as one kie.ai
    // account can create tasks (~20 per 10 s), and within its recordInfo limit (~10/s), which the
    // studio's client honours (8 per rolling second per key). Faster than that, the syncs a
    // callback triggers would queue behind that limit, as they must with the real kie.ai.
    await sleep(Math.max(20, CALLBACK_SPACING_MS - (performance.now() - start)));
  }
  const sortedArrival = [...arrival].sort((a, b) => a - b);
  const sortedAnswered = [...answered].sort((a, b) => a - b);
  result.eventLatency = {
    samples: arrival.length,
    missed,
    p50: sortedArrival.length ? percentile(sortedArrival, 50) : null,
    p95: sortedArrival.length ? percentile(sortedArrival, 95) : null,
    max: sortedArrival.at(-1) ?? null,
    callbackAnswerP50: percentile(sortedAnswered, 50),
    callbackAnswerP95: percentile(sortedAnswered, 95),
  };
  log(
    `event latency p50 ${round(result.eventLatency.p50)} ms, p95 ${round(result.eventLatency.p95)} ms`,
  );

  // --- 2. callback throughput vs a no-op route, and memory under that load -----------------
  // The latency phase's background work (syncs, video downloads) is over before anything is timed.
  await waitStored(db, latencyIds, 60_000);
  const load = { origin: app.url, connections: CONNECTIONS, maxRequests: LOAD_MAX_REQUESTS };
  const json = { "content-type": "application/json" };
  const noop = await runLoad({
    ...load,
    maxMs: LOAD_MAX_MS,
    request: () => ({ path: "/api/bench/noop", method: "POST", headers: json, body: noopBody }),
  });
  log(`no-op: ${round(noop.rps)} req/s`);
  const callbackRequest = (order) => {
    const signed = new Map(order.map((id) => [id, callbacks.get(id).headers()]));
    return (i) => {
      const id = order[i % order.length];
      const cb = callbacks.get(id);
      return {
        path: cb.path,
        method: "POST",
        headers: { ...json, ...signed.get(id) },
        body: cb.body,
      };
    };
  };
  const memoryBefore = appMemory(app.pid);
  const simulatorBefore = processTree(sim.pid).reduce((sum, p) => sum + rssMiB(p), 0);
  const sampler = sampleMemory(app.pid, { others: [sim.pid] });
  // a) Redeliveries for generations already finished: the route's own cost (token, signature,
  //    event row), nothing queued behind it.
  const cpuBeforeDuplicates = cpuSeconds(app.pid);
  const duplicateLoad = await runLoad({
    ...load,
    maxMs: LOAD_MAX_MS,
    request: callbackRequest(shuffle([...latencyIds])),
  });
  const duplicatesCpuMs = (cpuSeconds(app.pid) - cpuBeforeDuplicates) * 1000;
  log(`callback, duplicates only: ${round(duplicateLoad.rps)} req/s`);
  // b) Every generation in random order: the throughput ones get their first callback during the
  //    run (each followed by a recordInfo sync and a video download in the same process), then
  //    duplicates, as kie.ai's retries would send them.
  const order = shuffle([...throughputIds, ...latencyIds]);
  const firstTimers = new Set(throughputIds);
  const cpuBefore = cpuSeconds(app.pid);
  const callbackLoad = await runLoad({
    ...load,
    maxMs: LOAD_MAX_MS,
    request: callbackRequest(order),
  });
  const peak = sampler.stop();
  const cpuMs = (cpuSeconds(app.pid) - cpuBefore) * 1000;
  const firstCallbacks = order
    .slice(0, Math.min(callbackLoad.requests, order.length))
    .filter((id) => firstTimers.has(id)).length;
  log(
    `callback, first deliveries + duplicates: ${round(callbackLoad.rps)} req/s (statuses ${JSON.stringify(callbackLoad.statuses)})`,
  );
  for (const [name, r] of [
    ["duplicates", duplicateLoad],
    ["mixed", callbackLoad],
  ]) {
    if (r.errors || Object.keys(r.statuses).some((s) => s !== "200")) {
      throw new Error(
        `callback load (${name}): ${r.errors} errors, statuses ${JSON.stringify(r.statuses)}`,
      );
    }
  }
  result.throughput = {
    connections: CONNECTIONS,
    noop: pick(noop),
    callbackDuplicates: {
      ...pick(duplicateLoad),
      serverCpuMsPerRequest: duplicatesCpuMs / duplicateLoad.requests,
    },
    callback: {
      ...pick(callbackLoad),
      generations: order.length,
      firstCallbacks,
      duplicates: callbackLoad.requests - firstCallbacks,
      // The server's own CPU (ffmpeg's is not in it) per request, the background work included.
      serverCpuMsPerRequest: cpuMs / callbackLoad.requests,
    },
    ratio: callbackLoad.rps / noop.rps,
    duplicatesRatio: duplicateLoad.rps / noop.rps,
  };

  // The background work the callbacks caused, finished and correct.
  t0 = performance.now();
  const stored = await waitStored(db, ids, 120_000);
  const memoryAfter = appMemory(app.pid);
  result.memory = {
    bootRssMiB: memoryAtBoot.rssMiB,
    // After the warm-up and the event-latency phase: what a server that has been working sits at.
    idleRssMiB: memoryBefore.rssMiB,
    idleSimulatorRssMiB: simulatorBefore,
    peakRssUnderLoadMiB: peak.rssMiB,
    peakServerRssMiB: peak.serverRssMiB,
    peakWithSimulatorMiB: peak.withOthersMiB,
    lifetimeHwmMiB: memoryAfter.hwmMiB,
    processes: memoryAfter.processes,
  };
  result.correctness = {
    generations: ids.length,
    succeededAndStored: stored,
    settleSeconds: round((performance.now() - t0) / 1000),
  };
  log(`${stored}/${ids.length} stored; peak RSS ${round(peak.rssMiB)} MiB`);
  events.close();
  if (memoryOnly) return finish(result, loadStart);

  // --- 3. video delivery with Range requests vs Node's plain file streaming ----------------
  // (Before the gallery: seeding 110,000 rows leaves the database busy with its aftermath.)
  const videoKey = `${workspace.id}/bench-video/video.mp4`;
  const videoPath = join(dir, "media", videoKey);
  mkdirSync(dirname(videoPath), { recursive: true });
  writeFileSync(videoPath, randomBytes(VIDEO_MIB * MiB));
  const video = await db.generation.create({
    data: {
      workspaceId: workspace.id,
      authorId: userId,
      prompt: "bench video",
      promptOptimizer: false,
      model: "hailuo/02-text-to-video-pro",
      state: "success",
      idempotencyKey: `bench-video-${randomUUID()}`,
      callbackTokenHash: `bench-video-${randomUUID()}`,
      mediaState: "stored",
      mediaKey: videoKey,
      bytes: VIDEO_MIB * MiB,
    },
    select: { id: true },
  });
  const reference = await startChild("file-server.mjs", [videoPath]);
  cleanups.push(() => reference.stop());
  const appPath = `/api/w/${slug}/generations/${video.id}/video`;
  const ranged =
    (path, extra = {}) =>
    () => {
      const k = Math.floor(Math.random() * VIDEO_MIB);
      return { path, headers: { ...extra, range: `bytes=${k * MiB}-${(k + 1) * MiB - 1}` } };
    };
  const videoLoad = { connections: VIDEO_CONNECTIONS, maxRequests: VIDEO_MAX_REQUESTS };
  // Warm-up of both, then VIDEO_ROUNDS alternating rounds each; the best round of each counts.
  const compare = async (appRequest, refRequest, status, floorRequest) => {
    await runLoad({
      ...videoLoad,
      origin: app.url,
      maxRequests: 20,
      maxMs: 5_000,
      request: appRequest,
    });
    await runLoad({
      ...videoLoad,
      origin: reference.url,
      maxRequests: 20,
      maxMs: 5_000,
      request: refRequest,
    });
    const refRuns = [];
    const appRuns = [];
    const floorRuns = [];
    for (let i = 0; i < VIDEO_ROUNDS; i++) {
      const run = { ...videoLoad, maxMs: VIDEO_MAX_MS / 2 };
      refRuns.push(await runLoad({ ...run, origin: reference.url, request: refRequest }));
      appRuns.push(await runLoad({ ...run, origin: app.url, request: appRequest }));
      if (floorRequest) {
        floorRuns.push(await runLoad({ ...run, origin: app.url, request: floorRequest }));
      }
    }
    const best = (runs) => runs.reduce((a, b) => (b.mbPerSec > a.mbPerSec ? b : a));
    const node = best(refRuns);
    const studio = best(appRuns);
    const floor = floorRequest ? best(floorRuns) : null;
    for (const r of [node, studio]) {
      if (r.errors || Object.keys(r.statuses).some((s) => s !== status)) {
        throw new Error(`video: ${r.errors} errors, statuses ${JSON.stringify(r.statuses)}`);
      }
    }
    return {
      node: pick(node),
      app: pick(studio),
      ratio: studio.mbPerSec / node.mbPerSec,
      ...(floor && { floor: pick(floor), floorRatio: floor.mbPerSec / node.mbPerSec }),
    };
  };
  // What a member's browser plays from: the signed link in the video's DTO, answered by the
  // production server's media door (lib/media/media-door.ts).
  const dto = await (
    await fetch(`${app.url}${appPath.replace(/\/video$/, "")}`, { headers: { cookie } })
  ).json();
  const playPath = dto.media?.playUrl;
  if (!playPath?.startsWith("/media/"))
    throw new Error(`no signed play link: ${JSON.stringify(dto.media)}`);
  result.video = {
    fileMiB: VIDEO_MIB,
    rangeMiB: 1,
    connections: VIDEO_CONNECTIONS,
    // The framework's own ceiling for the same answers: 1 MiB from memory, nothing else done.
    ...(await compare(
      ranged(playPath),
      ranged("/video.mp4"),
      "206",
      ranged(`/api/bench/bytes?bytes=${MiB}`),
    )),
  };
  log(
    `video (1 MiB ranges): app ${round(result.video.app.mbPerSec)} MB/s, node ${round(result.video.node.mbPerSec)} MB/s, bare route handler ${round(result.video.floor.mbPerSec)} MB/s`,
  );
  // The member route (session and membership checked per request, inside Next.js): what a
  // download, or a player on S3-stored media, is served by.
  result.videoMemberRoute = await compare(ranged(appPath, { cookie }), ranged("/video.mp4"), "206");
  log(
    `video (1 MiB ranges, member route): app ${round(result.videoMemberRoute.app.mbPerSec)} MB/s, node ${round(result.videoMemberRoute.node.mbPerSec)} MB/s`,
  );
  // For insight: how a browser's video element asks — an open-ended range from where it seeks to
  // (`bytes=<offset>-`), the rest of the file streamed; per-request work weighs less here.
  const openEnded =
    (path, extra = {}) =>
    () => {
      const k = Math.floor(Math.random() * VIDEO_MIB);
      return { path, headers: { ...extra, range: `bytes=${k * MiB}-` } };
    };
  result.videoOpenEnded = await compare(openEnded(playPath), openEnded("/video.mp4"), "206");
  log(
    `video (open-ended ranges): app ${round(result.videoOpenEnded.app.mbPerSec)} MB/s, node ${round(result.videoOpenEnded.node.mbPerSec)} MB/s`,
  );

  // --- 4. gallery first page with 100 / 10,000 / 100,000 generations -----------------------
  const user = { id: userId, email };
  const galleries = [];
  for (const size of GALLERY_SIZES) {
    const ws = await createWorkspace({ user, name: `Gallery ${size}` });
    const seedStart = performance.now();
    await seedGenerations(db, ws.id, userId, size);
    galleries.push({ size, slug: ws.slug, seedSeconds: (performance.now() - seedStart) / 1000 });
    log(`seeded ${size} generations in ${round((performance.now() - seedStart) / 1000)} s`);
  }
  const times = new Map(galleries.map((g) => [g.size, []]));
  const getPage = async (g) => {
    const start = performance.now();
    const res = await fetch(`${app.url}/api/w/${g.slug}/generations`, { headers: { cookie } });
    const body = await res.json();
    if (res.status !== 200 || body.items.length !== Math.min(24, g.size)) {
      throw new Error(`gallery ${g.size}: ${res.status} ${JSON.stringify(body).slice(0, 200)}`);
    }
    return performance.now() - start;
  };
  for (let i = 0; i < 5; i++) for (const g of galleries) await getPage(g);
  // Interleaved, so drift (JIT, caches, background work) hits every size alike.
  for (let i = 0; i < GALLERY_ROUNDS; i++) {
    for (const g of galleries) times.get(g.size).push(await getPage(g));
  }
  result.gallery = galleries.map((g) => ({
    size: g.size,
    seedSeconds: round(g.seedSeconds),
    median: median(times.get(g.size)),
    p95: percentile(
      [...times.get(g.size)].sort((a, b) => a - b),
      95,
    ),
  }));
  log(
    `gallery medians: ${result.gallery.map((g) => `${g.size}: ${round(g.median, 2)} ms`).join(", ")}`,
  );

  finish(result, loadStart);
}

function finish(result, loadStart) {
  result.finishedAt = new Date().toISOString();
  result.loadAverage = { start: loadStart, end: loadavg() };
  writeFileSync(outFile, JSON.stringify(result, null, 2));
}

/** Waits (bounded) until the generations succeeded with their video stored; returns how many. */
async function waitStored(db, ids, maxMs) {
  const deadline = Date.now() + maxMs;
  for (;;) {
    const stored = await db.generation.count({
      where: { id: { in: ids }, state: "success", mediaState: "stored" },
    });
    if (stored === ids.length || Date.now() > deadline) return stored;
    await sleep(250);
  }
}

function pick(r) {
  return {
    requests: r.requests,
    errors: r.errors,
    statuses: r.statuses,
    seconds: r.elapsedMs / 1000,
    rps: r.rps,
    p50: r.p50,
    p99: r.p99,
    mbPerSec: r.mbPerSec,
  };
}

function shuffle(list) {
  for (let i = list.length - 1; i > 0; i--) {
    const j = Math.floor(Math.random() * (i + 1));
    [list[i], list[j]] = [list[j], list[i]];
  }
  return list;
}

function post(url, body, headers) {
  return fetch(url, {
    method: "POST",
    headers: { "content-type": "application/json", ...headers },
    body,
  });
}

/**
 * Waits until the simulator has finished every task, then builds each generation's callback the
 * way the simulator would have sent it: its callBackUrl (with the per-task token), the body, and a
 * fresh signature per use.
 */
async function finishedCallbacks({ sim, db, ids, buildCallbackBody, signWebhook }) {
  // kie.ai takes about 20 new tasks per 10 s per account, counted in the database: past the first
  // 20, the studio's worker sends the rest as room frees (lib/kie-account/provider-limits.ts).
  const sendBy = Date.now() + Math.ceil(ids.length / 20) * 10_000 + 60_000;
  let rows;
  for (;;) {
    rows = await db.generation.findMany({
      where: { id: { in: ids } },
      select: { id: true, providerTaskId: true, state: true },
    });
    if (rows.every((r) => r.providerTaskId) || Date.now() > sendBy) break;
    await sleep(1_000);
  }
  const byTask = new Map(rows.map((r) => [r.providerTaskId, r.id]));
  if (rows.some((r) => !r.providerTaskId)) {
    throw new Error(
      `not every generation was submitted: ${JSON.stringify(rows.filter((r) => !r.providerTaskId))}`,
    );
  }
  const deadline = Date.now() + 60_000;
  for (;;) {
    const res = await fetch(`${sim.url}/__sim/tasks`);
    const tasks = (await res.json()).data.filter((t) => byTask.has(t.taskId));
    if (tasks.length === ids.length && tasks.every((t) => t.state === "success")) {
      const out = new Map();
      for (const { prompt: _prompt, callBackUrl, ...view } of tasks) {
        const url = new URL(callBackUrl);
        out.set(byTask.get(view.taskId), {
          url: callBackUrl,
          path: `${url.pathname}${url.search}`,
          body: JSON.stringify(buildCallbackBody(view)),
          headers: () => {
            const timestamp = String(Math.floor(Date.now() / 1000));
            return {
              "x-webhook-timestamp": timestamp,
              "x-webhook-signature": signWebhook({ taskId: view.taskId, timestamp, key: HMAC }),
            };
          },
        });
      }
      return out;
    }
    // A finished task whose end timer fired a moment early stays "generating" until someone
    // reads it; a recordInfo read, as kie.ai's client would make, settles it.
    for (const t of tasks.filter((t) => t.state !== "success")) {
      await fetch(`${sim.url}/api/v1/jobs/recordInfo?taskId=${encodeURIComponent(t.taskId)}`, {
        headers: { authorization: "Bearer simulator" },
      }).then((r) => r.arrayBuffer());
    }
    if (Date.now() > deadline) {
      const states = {};
      for (const t of tasks) states[t.state] = (states[t.state] ?? 0) + 1;
      throw new Error(
        `the simulator did not finish its tasks in time: ${tasks.length} of ${ids.length} seen, ${JSON.stringify(states)}`,
      );
    }
    await sleep(250);
  }
}

const SEED_COLUMNS = `"id", "workspaceId", "authorId", "prompt", "promptOptimizer", "model", "state",
  "idempotencyKey", "callbackTokenHash", "credits", "mediaState", "mediaKey", "posterKey", "durationMs",
  "width", "height", "bytes", "finalSource", "finishedAt", "createdAt", "updatedAt"`;

/**
 * Gallery rows written straight into the table, 10,000 per statement, by SQL that generates them
 * (not through createGeneration): finished, stored videos, one second apart, newest first.
 */
async function seedGenerations(db, workspaceId, authorId, count) {
  const BATCH = 10_000;
  const newest = new Date(Date.now() - 60_000).toISOString().slice(0, -1);
  for (let from = 0; from < count; from += BATCH) {
    const to = Math.min(count, from + BATCH) - 1;
    if (provider === "postgresql") {
      await db.$executeRawUnsafe(
        `INSERT INTO "Generation" (${SEED_COLUMNS})
         SELECT $1 || '-' || n, $1, $2, 'seeded generation ' || n || ' 晨雾中的古镇石桥 a red kite',
           n % 2 = 0, 'hailuo/02-text-to-video-pro', 'success', 'seed-' || n, $1 || '-seed-' || n, 57,
           'stored', $1 || '/seed-' || n || '/video.mp4', $1 || '/seed-' || n || '/poster.jpg', 6000,
           1920, 1080, 4000000, 'callback', t + interval '90 seconds', t, t
         FROM generate_series($3::int, $4::int) AS n,
           LATERAL (SELECT $5::timestamp(3) - n * interval '1 second' AS t) AS at`,
        workspaceId,
        authorId,
        from,
        to,
        newest,
      );
    } else {
      // Prisma keeps SQLite DateTimes as ISO 8601 text with "+00:00". The values are our own
      // ids and numbers, checked, and written inline (the adapter binds positional values only).
      for (const v of [workspaceId, authorId, newest]) {
        if (!/^[\w:.-]+$/.test(v)) throw new Error(`unexpected seed value ${v}`);
      }
      const at = (shift) =>
        `strftime('%Y-%m-%dT%H:%M:%f', '${newest}', printf('%d seconds', ${shift} - n)) || '+00:00'`;
      const ws = `'${workspaceId}'`;
      await db.$executeRawUnsafe(
        `WITH RECURSIVE seq(n) AS (SELECT ${from} UNION ALL SELECT n + 1 FROM seq WHERE n < ${to})
         INSERT INTO "Generation" (${SEED_COLUMNS})
         SELECT ${ws} || '-' || n, ${ws}, '${authorId}',
           'seeded generation ' || n || ' 晨雾中的古镇石桥 a red kite', n % 2 = 0,
           'hailuo/02-text-to-video-pro', 'success', 'seed-' || n, ${ws} || '-seed-' || n, 57,
           'stored', ${ws} || '/seed-' || n || '/video.mp4', ${ws} || '/seed-' || n || '/poster.jpg',
           6000, 1920, 1080, 4000000, 'callback', ${at(90)}, ${at(0)}, ${at(0)}
         FROM seq`,
      );
    }
  }
  // After a bulk load PostgreSQL's autovacuum would vacuum and analyze the table in the
  // background while later figures are taken; done now, as a running studio would have had it.
  if (provider === "postgresql") await db.$executeRawUnsafe(`VACUUM ANALYZE "Generation"`);
}

const overall = setTimeout(() => {
  log("this leg took longer than 8 minutes; giving up");
  cleanup().finally(() => process.exit(2));
}, 8 * 60_000);
try {
  await main();
} catch (e) {
  log(`failed: ${e?.stack ?? e}`);
  process.exitCode = 1;
} finally {
  clearTimeout(overall);
  await cleanup();
}
