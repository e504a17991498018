#!/usr/bin/env node
// The press leg of `npm run bench`: Generate as people press it in Chromium, on the production
// build with one database (sqlite | postgresql) and the kie.ai simulator keeping kie.ai's own
// createTask limit (20 new tasks per 10 s per account; every workspace here uses the server's
// key, so all of them share one allowance). Started by scripts/bench.mjs as
// `node --conditions=react-server scripts/bench/press.mjs <provider> <result.json>` (the condition
// lets the studio's server-only modules load outside Next.js). Progress goes to stderr.
//
// 1. A burst: one person sets Takes to 4 and presses Generate 6 times in a row, kie.ai answering
//    createTask in 5 s. The 24 takes are more than kie.ai admits at once: the studio must hold the
//    rest as "Waiting to be sent" and send them as room frees, each once.
// 2. Presses timed in the browser, from the click to the frame that paints the first sign of the
//    server's answer (the new card at the top, or the "Generation started" note):
//    4 people in turn, 20 presses each (Takes 1, a prompt of their own each), with kie.ai
//    answering createTask in 5 s and, as the reference, at once, alternately. Before each
//    person's presses, the same page's round trips of a route that does nothing.
// 3. Every take of the leg must reach kie.ai exactly once, and the createTask calls kie.ai
//    received are counted over time: the busiest 10 s against its limit.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { loadavg, tmpdir } from "node:os";
import { join } from "node:path";
import { register } from "tsx/esm/api";
import { freePort, startApp, startChild } from "./app.mjs";
import { launchChromium } from "./chromium.mjs";
import { busiestWindow, configureSimulator, createTaskCalls } from "./kie-calls.mjs";
import { median, percentile } from "./load.mjs";
import { openStudio } from "./studio-page.mjs";

register();
const provider = process.argv[2];
const outFile = process.argv[3];
if (!["sqlite", "postgresql"].includes(provider) || !outFile) {
  throw new Error("usage: press.mjs <sqlite|postgresql> <result.json>");
}

// kie.ai's limit for new tasks, as the simulator enforces it by default (bench/simulator.mjs
// lifts it for the load legs, which create hundreds of tasks through the domain code).
const KIE_CREATE_LIMIT = { max: 20, windowMs: 10_000 };
const SLOW_KIE_MS = 5_000;
const BURST = { presses: 6, takes: 4 };
// Each person's presses stay within the studio's own Generate limit (30 a minute a person).
const PRESSES_PER_PERSON = 20;
// kie.ai's createTask answer time for each timed person in turn: slow and instant alternate, so
// drift over the leg (warming up, the queue of takes) weighs on both alike.
const ROUNDS = [SLOW_KIE_MS, 0, SLOW_KIE_MS, 0];
// Between one acknowledged press and the next: a person's glance at the note, no longer.
const PAUSE_MS = 250;
const NOOP_ROUND_TRIPS = 20;
const TARGET_P95_MS = 150;

const HMAC = "bench-hmac-key";
const AUTH_SECRET = "bench-auth-secret-0123456789abcdef";
const log = (line) => process.stderr.write(`[bench ${provider} press] ${line}\n`);
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
const round = (n, d = 1) => (n === null ? null : Math.round(n * 10 ** d) / 10 ** d);

const PROMPTS = [
  "晨雾中的古镇石桥，一只白鹭掠过水面",
  "a red kite over green hills at golden hour [Pan left]",
  "雨夜霓虹街头的橘猫",
  "a lighthouse in a winter storm, waves breaking on the rocks [Push in]",
];

const dir = mkdtempSync(join(tmpdir(), `studio-bench-press-${provider}-`));
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

  let databaseUrl = `file:${join(dir, "studio.db")}`;
  if (provider === "postgresql") {
    const { startTempPostgres } = await import("../temp-postgres.mjs");
    const pg = await startTempPostgres();
    cleanups.push(() => pg.stop());
    databaseUrl = pg.url;
  }
  // Callbacks dropped and (RECONCILE_SCALE) no polling for an hour: once a take is sent, nothing
  // more happens to it during the leg, so the server's only background work is the sending.
  const sim = await startChild("simulator.mjs", [join(dir, "simulator"), HMAC]);
  cleanups.push(() => sim.stop());
  await configureSimulator(sim.url, {
    createTaskRateLimit: KIE_CREATE_LIMIT,
    createTaskLatencyMs: SLOW_KIE_MS,
  });
  const port = await freePort();
  const env = {
    DATABASE_URL: databaseUrl,
    APP_URL: `http://127.0.0.1:${port}`,
    SIMULATOR_URL: sim.url,
    MEDIA_DIR: join(dir, "media"),
    KIE_WEBHOOK_HMAC_KEY: HMAC,
    AUTH_SECRET,
    RECONCILE_SCALE: "1000",
    BENCH_ROUTES: "1",
    // Each person's browser arrives from an address of its own through one trusted proxy.
    TRUST_PROXY: "1",
    NEXT_DIST_DIR: ".next",
  };
  Object.assign(process.env, env);
  const app = await startApp(env, port);
  cleanups.push(() => app.stop());
  log(`app on ${app.url} (pid ${app.pid}), simulator on ${sim.url}`);

  const { db } = await import("../../lib/db.ts");
  cleanups.push(() => db.$disconnect());
  const { signedUpPerson } = await import("../../tests/support/signed-up-person.ts");
  // New workspaces have no monthly budget (monthlyCreditLimit null): nothing refuses the presses.
  const people = [];
  for (let i = 0; i < 1 + ROUNDS.length; i++) {
    const person = await signedUpPerson(`bench-press-${i}`, AUTH_SECRET);
    people.push({ ...person, address: `10.77.0.${i + 1}` });
  }
  const workspaceIds = people.map((p) => p.workspace.id);

  const browser = await launchChromium();
  cleanups.push(() => browser.close());
  const open = (person) => openStudio(browser, { origin: app.url, ...person });
  const promptFor = (marker, i) => `${marker} ${PROMPTS[i % PROMPTS.length]}`;

  // --- 1. a burst of presses of 4 takes each ------------------------------------------------
  const burster = people[0];
  const burstStudio = await open(burster);
  await burstStudio.chooseTakes(BURST.takes);
  const burstStart = Date.now();
  const burstAcks = [];
  for (let i = 0; i < BURST.presses; i++) {
    const marker = `#b${i + 1}`;
    const r = await burstStudio.press(promptFor(marker, i), marker);
    if (r.ackMs === null) throw new Error(`burst press ${i + 1} not acknowledged: ${r.failure}`);
    burstAcks.push(r.ackMs);
  }
  const burstPressedMs = Date.now() - burstStart;
  await burstStudio.close();
  const burstTakes = BURST.presses * BURST.takes;
  const burstSent = await waitSent(db, [burster.workspace.id], sendingBound(burstTakes));
  log(
    `burst: ${BURST.presses} presses × ${BURST.takes} takes pressed in ${round(burstPressedMs / 1000)} s; ` +
      `${burstSent.sent}/${burstSent.total} takes sent to kie.ai ${round((burstSent.at - burstStart) / 1000)} s after the first press`,
  );
  const burstCalls = (await createTaskCalls(sim.url)).filter(
    (c) => c.at >= burstStart && c.at <= burstSent.at,
  );

  // --- 2. presses timed in the browser --------------------------------------------------------
  const presses = { [SLOW_KIE_MS]: [], 0: [] };
  const noop = [];
  for (const [r, latencyMs] of ROUNDS.entries()) {
    await configureSimulator(sim.url, { createTaskLatencyMs: latencyMs });
    const studio = await open(people[1 + r]);
    // The page's first server action and the route's code, if this server has not run it yet.
    const warm = await studio.press(promptFor(`#w${r + 1}`, r), `#w${r + 1}`);
    if (warm.ackMs === null) throw new Error(`warm-up press not acknowledged: ${warm.failure}`);
    await studio.noopRoundTrips(5);
    noop.push(...(await studio.noopRoundTrips(NOOP_ROUND_TRIPS)));
    const mine = [];
    const pressAll = async () => {
      for (let i = 0; i < PRESSES_PER_PERSON; i++) {
        await sleep(PAUSE_MS);
        const marker = `#p${r + 1}-${i + 1}`;
        mine.push(await studio.press(promptFor(marker, i), marker));
      }
    };
    // BENCH_CPU_PROFILE=<dir>: each person's presses profiled in the page, written there.
    const profileDir = process.env.BENCH_CPU_PROFILE;
    if (profileDir) {
      const { profile } = await studio.profile(pressAll);
      mkdirSync(profileDir, { recursive: true });
      writeFileSync(
        join(profileDir, `press-${provider}-${r + 1}.cpuprofile`),
        JSON.stringify(profile),
      );
    } else {
      await pressAll();
    }
    await studio.close();
    presses[latencyMs].push(...mine);
    const acked = mine.map((p) => p.ackMs).filter((ms) => typeof ms === "number");
    log(
      `person ${r + 1}, kie.ai answering in ${latencyMs} ms: acknowledged p50 ${round(median(acked))} ms, ` +
        `max ${round(Math.max(...acked))} ms, ${mine.length - acked.length} missed`,
    );
  }
  const summary = (latencyMs) => {
    const all = presses[latencyMs];
    // A press that never got going has none of the times.
    const field = (name) => stats(all.map((p) => p[name]).filter((ms) => typeof ms === "number"));
    const failures = all.filter((p) => p.ackMs === null).map((p) => p.failure ?? "no answer");
    return {
      kieLatencyMs: latencyMs,
      ...field("ackMs"),
      missed: failures.length,
      missedReasons: [...new Set(failures)],
      firstSign: {
        card: all.filter((p) => p.firstSign === "card").length,
        note: all.filter((p) => p.firstSign === "note").length,
      },
      cardInDom: field("cardMs"),
      noteInDom: field("noteMs"),
      actionSent: field("sentMs"),
      actionFirstByte: field("firstByteMs"),
      actionAnswered: field("answerMs"),
    };
  };
  result.press = {
    acknowledgedBy:
      "the frame that paints the first of the two signs of the server's answer: the new card at the top of the gallery, or the editor's “Generation started” note",
    pressesPerPerson: PRESSES_PER_PERSON,
    pauseMs: PAUSE_MS,
    slow: summary(SLOW_KIE_MS),
    instant: summary(0),
    noop: stats(noop),
  };
  result.press.passed = result.press.slow.missed === 0 && result.press.slow.p95 < TARGET_P95_MS;
  log(
    `acknowledged, kie.ai in 5 s: p50 ${round(result.press.slow.p50)} / p95 ${round(result.press.slow.p95)} ms; ` +
      `kie.ai at once: ${round(result.press.instant.p50)} / ${round(result.press.instant.p95)} ms; ` +
      `no-op round trip ${round(result.press.noop.p50)} / ${round(result.press.noop.p95)} ms; ` +
      `with kie.ai in 5 s the action's answer arrived at p50 ${round(result.press.slow.actionAnswered.p50)} / ` +
      `p95 ${round(result.press.slow.actionAnswered.p95)} ms, its first byte at ${round(result.press.slow.actionFirstByte.p50)} / ` +
      `${round(result.press.slow.actionFirstByte.p95)} ms; first sign ${JSON.stringify(result.press.slow.firstSign)}`,
  );

  // --- 3. every take sent once, within kie.ai's limit ----------------------------------------
  const totalTakes = burstTakes + ROUNDS.length * (PRESSES_PER_PERSON + 1);
  const lastPressAt = Date.now();
  const allSent = await waitSent(db, workspaceIds, sendingBound(totalTakes));
  const calls = await createTaskCalls(sim.url);
  const tasks = await simulatorTasks(sim.url);
  const generations = await db.generation.findMany({
    where: { workspaceId: { in: workspaceIds } },
    select: { prompt: true, providerTaskId: true },
  });
  result.kie = {
    limit: KIE_CREATE_LIMIT,
    latencyMs: SLOW_KIE_MS,
    burst: {
      presses: BURST.presses,
      takesPerPress: BURST.takes,
      takes: burstTakes,
      pressedSeconds: burstPressedMs / 1000,
      acknowledgedMs: stats(burstAcks),
      sent: burstSent.sent,
      // From the first press to the last take's task recorded.
      sentSeconds: (burstSent.at - burstStart) / 1000,
      calls: burstCalls.length,
      busiest: busiestWindow(
        burstCalls.map((c) => c.at),
        KIE_CREATE_LIMIT.windowMs,
      ).count,
    },
    leg: {
      takes: generations.length,
      sent: allSent.sent,
      // After the last timed press.
      sentAfterLastPressSeconds: (allSent.at - lastPressAt) / 1000,
      calls: calls.length,
      rateLimited: calls.filter((c) => c.rateLimited).length,
      busiest: busiestWindow(
        calls.map((c) => c.at),
        KIE_CREATE_LIMIT.windowMs,
      ).count,
      ...sentOnce(generations, tasks),
    },
  };
  const { burst, leg } = result.kie;
  log(
    `kie.ai received ${leg.calls} createTask calls for ${leg.takes} takes (${leg.tasks} tasks), ` +
      `busiest 10 s: ${leg.busiest} (burst alone: ${burst.busiest}), ${leg.rateLimited} refused with 429; ` +
      `${leg.sent}/${leg.takes} sent ${round(leg.sentAfterLastPressSeconds)} s after the last press`,
  );

  result.finishedAt = new Date().toISOString();
  result.loadAverage = { start: loadStart, end: loadavg() };
  writeFileSync(outFile, JSON.stringify(result, null, 2));
}

function stats(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const at = (p) => (sorted.length ? percentile(sorted, p) : null);
  return { samples: sorted.length, p50: at(50), p95: at(95), max: sorted.at(-1) ?? null };
}

/**
 * How long sending `takes` may take: kie.ai's allowance lets 20 out per 10 s (the studio keeps a
 * half-second margin), each answer comes 5 s later, and a minute for the machine.
 */
function sendingBound(takes) {
  const windows = Math.ceil(takes / KIE_CREATE_LIMIT.max);
  return windows * (KIE_CREATE_LIMIT.windowMs + 500) + SLOW_KIE_MS + 60_000;
}

/**
 * Waits (bounded) until every take in the workspaces has a kie.ai task or has failed; `at` is
 * when that was seen (or the wait gave up).
 */
async function waitSent(db, workspaceIds, maxMs) {
  const start = Date.now();
  const where = { workspaceId: { in: workspaceIds } };
  for (;;) {
    const [total, sent, failed] = await Promise.all([
      db.generation.count({ where }),
      db.generation.count({ where: { ...where, providerTaskId: { not: null } } }),
      db.generation.count({ where: { ...where, providerTaskId: null, state: "error" } }),
    ]);
    const at = Date.now();
    if (sent + failed === total || at - start > maxMs) return { total, sent, failed, at };
    await sleep(250);
  }
}

async function simulatorTasks(simUrl) {
  const res = await fetch(`${simUrl}/__sim/tasks`, { signal: AbortSignal.timeout(10_000) });
  if (!res.ok) throw new Error(`/__sim/tasks answered ${res.status}`);
  return (await res.json()).data;
}

/**
 * Each take sent exactly once: its task is one kie.ai knows, no two takes share a task, and kie.ai
 * holds as many tasks of each prompt as the studio made takes of it (a take sent twice would show
 * as one more task of its prompt).
 */
function sentOnce(generations, tasks) {
  const known = new Set(tasks.map((t) => t.taskId));
  const taskIds = generations.map((g) => g.providerTaskId).filter(Boolean);
  const count = (list) => {
    const m = new Map();
    for (const p of list) m.set(p, (m.get(p) ?? 0) + 1);
    return m;
  };
  const takesPer = count(generations.map((g) => g.prompt));
  const tasksPer = count(tasks.map((t) => t.prompt));
  const promptsOff = [...new Set([...takesPer.keys(), ...tasksPer.keys()])].filter(
    (p) => takesPer.get(p) !== tasksPer.get(p),
  );
  const unsent = generations.length - taskIds.length;
  const unknown = taskIds.filter((id) => !known.has(id)).length;
  const shared = taskIds.length - new Set(taskIds).size;
  return {
    tasks: tasks.length,
    unsent,
    unknownTasks: unknown,
    sharedTasks: shared,
    promptsWithOtherTaskCounts: promptsOff.length,
    once:
      unsent === 0 &&
      unknown === 0 &&
      shared === 0 &&
      promptsOff.length === 0 &&
      tasks.length === generations.length,
  };
}

const overall = setTimeout(() => {
  log("the press leg took longer than 10 minutes; giving up");
  cleanup().finally(() => process.exit(2));
}, 10 * 60_000);
try {
  await main();
} catch (e) {
  log(`failed: ${e?.stack ?? e}`);
  process.exitCode = 1;
} finally {
  clearTimeout(overall);
  await cleanup();
}
