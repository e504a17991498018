#!/usr/bin/env node
// The pages leg of `npm run bench`: Lighthouse (desktop) performance and accessibility of the
// studio's pages as a person meets them, on the production build with one database
// (sqlite | postgresql) and the kie.ai simulator. Started by scripts/bench.mjs as
// `node --conditions=react-server scripts/bench/pages.mjs <provider> <result.json>` (the condition
// lets the studio's server-only modules load outside Next.js). Progress goes to stderr.
//
// The pages: sign-in (signed out), the studio with 26 finished videos, one video's page (signed
// in), and the public page of a link sharing the whole gallery (signed out). Each in the light and
// the dark theme, chosen by the `theme` cookie the studio renders from, as a person's choice would
// be. Lighthouse scores swing on a shared machine, so each page and theme is run RUNS times,
// interleaved, in a fresh Chromium each time, and the median counts.
import { randomUUID } from "node:crypto";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { loadavg, tmpdir } from "node:os";
import { join } from "node:path";
import { register } from "tsx/esm/api";
import { freePort, startApp, startChild } from "./app.mjs";
import { CHROMIUM, CHROMIUM_FLAGS, launchChromium } from "./chromium.mjs";
import { median } from "./load.mjs";

register();
const provider = process.argv[2];
const outFile = process.argv[3];
if (!["sqlite", "postgresql"].includes(provider) || !outFile) {
  throw new Error("usage: pages.mjs <sqlite|postgresql> <result.json>");
}

const VIDEOS = 26;
const RUNS = 3;
const THEMES = ["light", "dark"];
const HMAC = "bench-hmac-key";
const AUTH_SECRET = "bench-auth-secret-0123456789abcdef";
const log = (line) => process.stderr.write(`[bench ${provider} pages] ${line}\n`);
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

const dir = mkdtempSync(join(tmpdir(), `studio-bench-pages-${provider}-`));
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
  const result = { provider, startedAt: new Date().toISOString(), runs: RUNS };
  const loadStart = loadavg();

  let databaseUrl = `file:${join(dir, "studio.db")}`;
  if (provider === "postgresql") {
    const { startTempPostgres } = await import("../temp-postgres.mjs");
    const pg = await startTempPostgres();
    cleanups.push(() => pg.stop());
    databaseUrl = pg.url;
  }
  // This simulator sends its callbacks, as kie.ai would: the studio finishes each video, stores
  // it and cuts its poster as it does for a person.
  const sim = await startChild("simulator.mjs", [join(dir, "simulator"), HMAC, "deliver"]);
  cleanups.push(() => sim.stop());
  const port = await freePort();
  const env = {
    DATABASE_URL: databaseUrl,
    APP_URL: `http://127.0.0.1:${port}`,
    SIMULATOR_URL: sim.url,
    MEDIA_DIR: join(dir, "media"),
    KIE_WEBHOOK_HMAC_KEY: HMAC,
    AUTH_SECRET,
    NEXT_DIST_DIR: ".next",
  };
  Object.assign(process.env, env);
  const app = await startApp(env, port);
  cleanups.push(() => app.stop());
  log(`app on ${app.url} (pid ${app.pid}), simulator on ${sim.url}`);

  const { db } = await import("../../lib/db.ts");
  cleanups.push(() => db.$disconnect());
  const { createGeneration } = await import("../../lib/generations/create-generation.ts");
  const { signedUpPerson } = await import("../../tests/support/signed-up-person.ts");
  const { userId, slug, workspace, cookie } = await signedUpPerson("bench-pages", AUTH_SECRET);

  // --- 26 videos, made as a person's prompts make them --------------------------------------
  const prompts = [
    "晨雾中的古镇石桥，一只白鹭掠过水面",
    "a red kite over green hills at golden hour [Pan left]",
    "雨夜霓虹街头的橘猫",
    "a lighthouse in a winter storm, waves breaking on the rocks [Push in]",
  ];
  const ids = [];
  for (let i = 0; i < VIDEOS; i++) {
    const dto = await createGeneration({
      workspace,
      authorId: userId,
      prompt: `${prompts[i % prompts.length]} #${i + 1}`,
      promptOptimizer: i % 2 === 0,
      idempotencyKey: randomUUID(),
    });
    ids.push(dto.id);
  }
  const done = await waitFinished(db, ids, 180_000);
  log(`${done}/${VIDEOS} videos finished with their posters`);
  if (done !== VIDEOS) throw new Error(`only ${done} of ${VIDEOS} videos finished`);

  // --- a public link to the whole gallery, made in the studio's own Share dialog -------------
  const shareUrl = await shareGallery(app.url, slug, cookie);
  log(`gallery shared at ${new URL(shareUrl).pathname.slice(0, 8)}…`);

  const session = cookie; // "next-auth.session-token=…"
  const allPages = [
    { id: "sign-in", name: "sign-in", path: "/sign-in", cookie: null },
    { id: "studio", name: "studio (26 videos)", path: `/w/${slug}`, cookie: session },
    { id: "video", name: "video page", path: `/w/${slug}/g/${ids.at(-1)}`, cookie: session },
    { id: "share", name: "share page (gallery)", path: new URL(shareUrl).pathname, cookie: null },
  ];
  // BENCH_PAGES=studio,video measures only those, to look into one page quickly.
  const only = process.env.BENCH_PAGES?.split(",").filter(Boolean);
  const pages = only ? allPages.filter((p) => only.includes(p.id)) : allPages;
  if (pages.length === 0) throw new Error(`BENCH_PAGES names none of ${allPages.map((p) => p.id)}`);
  // Every route's code is loaded on its first request in production; a person's first visit
  // after a restart is not what is measured.
  for (const p of pages) {
    for (let i = 0; i < 2; i++) {
      const res = await fetch(`${app.url}${p.path}`, {
        headers: p.cookie ? { cookie: p.cookie } : {},
      });
      await res.arrayBuffer();
      if (res.status !== 200) throw new Error(`${p.path} answered ${res.status}`);
    }
  }

  // BENCH_CPU_PROFILE=<dir>: each page's load profiled in Chromium (V8's sampling profiler, from
  // navigation to 3 s after load), written there as .cpuprofile, to read where its main thread goes.
  if (process.env.BENCH_CPU_PROFILE)
    await profilePages(app.url, pages, process.env.BENCH_CPU_PROFILE);

  // --- Lighthouse, RUNS interleaved rounds ---------------------------------------------------
  const { runLighthouse } = await import("./lighthouse.mjs");
  const samples = new Map();
  for (let round = 1; round <= RUNS; round++) {
    for (const p of pages) {
      for (const theme of THEMES) {
        const cookies = [p.cookie, `theme=${theme}`].filter(Boolean).join("; ");
        const r = await runLighthouse(`${app.url}${p.path}`, {
          chromePath: CHROMIUM,
          chromeFlags: CHROMIUM_FLAGS,
          cookie: cookies,
          // BENCH_LIGHTHOUSE_REPORTS=<dir> keeps each run's whole report there, to read why.
          reportFile:
            process.env.BENCH_LIGHTHOUSE_REPORTS &&
            join(process.env.BENCH_LIGHTHOUSE_REPORTS, `${p.id}-${theme}-${round}.json`),
        });
        if (new URL(r.finalUrl).pathname !== p.path) {
          throw new Error(`${p.path} ended at ${r.finalUrl}: not the page meant to be measured`);
        }
        const key = `${p.name}|${theme}`;
        if (!samples.has(key)) samples.set(key, []);
        samples.get(key).push(r);
        log(
          `round ${round}/${RUNS} ${p.name} [${theme}]: performance ${r.performance}, accessibility ${r.accessibility}` +
            (r.failedAccessibility.length ? ` (${r.failedAccessibility.join(", ")})` : ""),
        );
      }
    }
  }
  result.lighthouse = samples.values().next().value[0].version;
  result.chromium = CHROMIUM;
  result.pages = pages.flatMap((p) =>
    THEMES.map((theme) => {
      const runs = samples.get(`${p.name}|${theme}`);
      const metric = (k) => median(runs.map((r) => r.metrics[k]));
      return {
        page: p.name,
        route: p.path
          .replace(slug, "[slug]")
          .replace(/\/g\/[^/]+$/, "/g/[id]")
          .replace(/^\/s\/.+$/, "/s/[token]"),
        theme,
        performance: median(runs.map((r) => r.performance)),
        accessibility: median(runs.map((r) => r.accessibility)),
        performanceRuns: runs.map((r) => r.performance),
        accessibilityRuns: runs.map((r) => r.accessibility),
        failedAccessibility: [...new Set(runs.flatMap((r) => r.failedAccessibility))],
        metrics: {
          fcpMs: metric("fcpMs"),
          lcpMs: metric("lcpMs"),
          tbtMs: metric("tbtMs"),
          cls: metric("cls"),
          speedIndexMs: metric("speedIndexMs"),
        },
      };
    }),
  );
  result.finishedAt = new Date().toISOString();
  result.loadAverage = { start: loadStart, end: loadavg() };
  writeFileSync(outFile, JSON.stringify(result, null, 2));
}

/** Waits (bounded) until every generation succeeded, its video stored and its poster cut. */
async function waitFinished(db, ids, maxMs) {
  const deadline = Date.now() + maxMs;
  for (;;) {
    const finished = await db.generation.count({
      where: { id: { in: ids }, state: "success", mediaState: "stored", posterKey: { not: null } },
    });
    if (finished === ids.length || Date.now() > deadline) return finished;
    await sleep(500);
  }
}

/** Opens the studio's share links page signed in, and creates a link to the whole gallery. */
async function shareGallery(origin, slug, cookie) {
  const browser = await launchChromium();
  try {
    const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
    const eq = cookie.indexOf("=");
    await context.addCookies([
      { name: cookie.slice(0, eq), value: cookie.slice(eq + 1), url: origin },
    ]);
    const page = await context.newPage();
    await page.goto(`${origin}/w/${slug}/shares`);
    await page.getByRole("button", { name: "Share gallery" }).click();
    const dialog = page.getByRole("dialog");
    await dialog.getByRole("button", { name: "Create link" }).click();
    const field = dialog.getByTestId("share-url");
    await field.waitFor({ timeout: 30_000 });
    return await field.inputValue();
  } finally {
    await browser.close();
  }
}

const overall = setTimeout(() => {
  log("the pages leg took longer than 15 minutes; giving up");
  cleanup().finally(() => process.exit(2));
}, 15 * 60_000);
try {
  await main();
} catch (e) {
  log(`failed: ${e?.stack ?? e}`);
  process.exitCode = 1;
} finally {
  clearTimeout(overall);
  await cleanup();
}

async function profilePages(appUrl, pages, outDir) {
  const { mkdirSync } = await import("node:fs");
  mkdirSync(outDir, { recursive: true });
  const browser = await launchChromium();
  try {
    for (const p of pages) {
      for (let run = 1; run <= RUNS; run++) {
        const context = await browser.newContext({ viewport: { width: 1350, height: 940 } });
        if (p.cookie) {
          const [name, ...value] = p.cookie.split("=");
          await context.addCookies([{ name, value: value.join("="), url: appUrl }]);
        }
        const page = await context.newPage();
        const cdp = await context.newCDPSession(page);
        await cdp.send("Profiler.enable");
        await cdp.send("Profiler.setSamplingInterval", { interval: 200 });
        await cdp.send("Profiler.start");
        await page.goto(`${appUrl}${p.path}`, { waitUntil: "load" });
        await sleep(3_000);
        const { profile } = await cdp.send("Profiler.stop");
        writeFileSync(join(outDir, `${p.id}-${run}.cpuprofile`), JSON.stringify(profile));
        await context.close();
      }
      log(`${p.name}: ${RUNS} profiles in ${outDir}`);
    }
  } finally {
    await browser.close();
  }
}
