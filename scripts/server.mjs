#!/usr/bin/env node
// The production server (`npm start`): Next.js behind a plain Node HTTP server whose one addition
// is the studio's front door (lib/http/front-door.ts, in the app's own bundle): it reads the
// client's address from the socket, and answers signed `/media/…` links (a member's video, range
// by range) before a request enters Next.js's pipeline (lib/media/media-door.ts). Everything else
// goes to Next.js exactly as `next start` would send it. Needs `next build`.
//   node scripts/server.mjs [-p <port>] [-H <hostname>] [--keepAliveTimeout <ms>]
import { existsSync, readFileSync } from "node:fs";
import { createServer } from "node:http";
import { resolve } from "node:path";
import { parseArgs } from "node:util";
import { setFlagsFromString } from "node:v8";

const args = options();
const port = Number(args.port ?? process.env.PORT ?? 3000);
const keepAliveTimeout = args.keepAliveTimeout ? Number(args.keepAliveTimeout) : undefined;
if (!Number.isInteger(port) || port < 1 || port > 65535) fail(`Not a port: ${args.port}`);
if (keepAliveTimeout !== undefined && !(keepAliveTimeout > 0)) fail("Not a timeout in ms");
const hostname = args.hostname;
// Before Next.js loads: it reads NODE_ENV when it starts; the app's default APP_URL uses PORT.
process.env.NODE_ENV = "production";
process.env.PORT = String(port);
// The app resolves its data folder and a relative MEDIA_DIR from the project folder.
const root = resolve(import.meta.dirname, "..");
process.chdir(root);

// Tells the app that every request passed the front door, which replaced any client address a
// client claimed with the one it read (lib/http/client-address.ts).
globalThis[Symbol.for("hailuo-studio.front-server")] = true;

// After a full collection V8 lets the old generation grow to up to four times what survived it
// (on a machine with memory to spare): under a burst of callbacks that kept some 150 MiB of
// garbage beside a live heap of about 60 MiB. Growing by half keeps the heap near what it uses,
// for a few more collections, which are short and mostly concurrent at this size. V8 reads the
// flag at every collection, so set here it applies however the server is started.
setFlagsFromString("--heap-growing-percent=50");
const { default: next } = await import("next");
applyBuiltConfig();
const app = next({ dir: root, dev: false, port, hostname });
const handle = app.getRequestHandler();
await app.prepare();
await booted();

// The app opens its front door at boot, in its own bundle (lib/boot.ts → lib/http/front-door.ts),
// and leaves it on globalThis under this name.
const front = globalThis[Symbol.for("hailuo-studio.front-door")];
if (typeof front !== "function") fail("the app did not open its front door");
// Likewise the app's shutdown, which stops its background work.
const SHUTDOWN = Symbol.for("hailuo-studio.shutdown");

const server = createServer((req, res) => {
  front(req, res, () => handle(req, res)).catch((err) => {
    // Both answer their own errors; this is the last guard, so a stray one costs one request.
    console.error(err);
    if (!res.headersSent) res.writeHead(500, { "cache-control": "no-store" }).end();
    else res.destroy();
  });
});
if (keepAliveTimeout) server.keepAliveTimeout = keepAliveTimeout;
// A port already taken (or not ours to take) ends the process, as with `next start`.
server.on("error", (err) => fail(err.message));

let stopping = false;
async function stop(signal) {
  if (stopping) return;
  stopping = true;
  const code = signal === "SIGINT" ? 130 : 143;
  // The app's background work stops with the answers: the worker claims nothing more, running
  // jobs (a Generate's createTask among them) get a few seconds to finish, and the rest are
  // released for another instance or the next start (lib/boot.ts).
  const drained = globalThis[SHUTDOWN]?.().catch((err) => console.error(err));
  // In-flight answers get a few seconds; live-update streams never end on their own.
  const closed = new Promise((done) => server.close(done));
  server.closeIdleConnections();
  await Promise.race([closed, new Promise((done) => setTimeout(done, 5_000).unref())]);
  server.closeAllConnections();
  const closing = (async () => {
    await drained;
    await app.close().catch(() => {});
  })();
  await Promise.race([closing, new Promise((done) => setTimeout(done, 5_000))]);
  process.exit(code);
}
process.on("SIGTERM", () => void stop("SIGTERM"));
process.on("SIGINT", () => void stop("SIGINT"));

server.listen(port, hostname, () => {
  const shown = hostname && hostname !== "0.0.0.0" && hostname !== "::" ? hostname : "localhost";
  console.log(`Hailuo Studio ready on http://${shown}:${port}`);
});

function options() {
  try {
    return parseArgs({
      options: {
        port: { type: "string", short: "p" },
        hostname: { type: "string", short: "H" },
        // Behind a load balancer, longer than its idle timeout (as `next start --keepAliveTimeout`).
        keepAliveTimeout: { type: "string" },
      },
    }).values;
  } catch (err) {
    fail(
      `${err.message}\nusage: node scripts/server.mjs [-p <port>] [-H <hostname>] [--keepAliveTimeout <ms>]`,
    );
  }
}

/**
 * The app boots (migrations, job worker, media door: instrumentation.ts → lib/boot.ts) as Next.js
 * starts, without prepare() waiting for it, and leaves its promise on globalThis. Waiting here means "ready" is
 * ready; a failed boot (a database that can't be reached) ends the process, so whatever runs it
 * can start it again.
 */
async function booted() {
  const BOOT = Symbol.for("hailuo-studio.boot");
  const deadline = Date.now() + 120_000;
  while (!globalThis[BOOT]) {
    if (Date.now() > deadline) fail("the app did not start within 2 minutes");
    await new Promise((done) => setTimeout(done, 20));
  }
  try {
    await globalThis[BOOT];
  } catch (err) {
    console.error(err);
    fail("the app could not start");
  }
}

/**
 * Runs on the configuration `next build` resolved and wrote beside the build, handed over the way
 * Next.js's own standalone server does, instead of loading next.config.ts again: compiling it
 * brings in the SWC compiler and next-intl's build plugin with its file watcher, about 40 MiB of
 * native code that never serves a request. Without a build there is none, and Next.js says so.
 */
function applyBuiltConfig() {
  // The folder next.config.ts names as distDir (lib/build-dir.ts, which this plain script
  // can't import).
  const file = resolve(root, process.env.NEXT_DIST_DIR ?? ".next", "required-server-files.json");
  if (!existsSync(file)) return;
  const { config } = JSON.parse(readFileSync(file, "utf8"));
  process.env.__NEXT_PRIVATE_STANDALONE_CONFIG = JSON.stringify(config);
}

function fail(message) {
  console.error(`scripts/server.mjs: ${message}`);
  process.exit(1);
}
