import { existsSync } from "node:fs";
import { mkdir } from "node:fs/promises";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { openBlobStore } from "./blob-store";
import {
  applyConfigPatch,
  type CallbackMode,
  defaultFaultConfig,
  defaultRuntimeSettings,
  type FaultConfig,
  type SimulatorConfigPatch,
  type SimulatorSettings,
} from "./config";
import {
  type CreateTaskCall,
  emptyStats,
  type SimulatorContext,
  type SimulatorStatsSnapshot,
} from "./context";
import type { ControlActions } from "./handlers/control";
import { sendJson } from "./http-io";
import { createRateLimiter } from "./rate-limiter";
import { createRenderer, findFfmpeg } from "./render-video";
import { logRequest, route } from "./router";
import { runTask } from "./task-lifecycle";
import { openTaskStore } from "./task-store";
import { openUploadStore, type UploadRecord } from "./upload-store";

export type { CallbackMode, FaultConfig, SimulatorConfigPatch, SimulatorSettings } from "./config";
export type { CreateTaskCall, SimulatorStatsSnapshot } from "./context";
export type { UploadForm, UploadRecord } from "./upload-store";

// A local stand-in for api.kie.ai, quirks included, so the studio runs and is tested with no
// key and no internet. Plain node:http keeps it startable from a test, a script or the CLI.

export interface SimulatorOptions {
  /** 0 picks a free port. */
  port?: number;
  host?: string;
  /** Rendered videos and task state are kept here, so a restart keeps its tasks. */
  dataDir: string;
  /** Time per state step waiting → queuing → generating → end. */
  stepMs?: number;
  /** When set, callbacks carry X-Webhook-Timestamp and X-Webhook-Signature. */
  hmacKey?: string;
  callbackMode?: CallbackMode;
  /** Delay of "late" callbacks. */
  callbackDelayMs?: number;
  /** Result URLs expire this long after the task ends. */
  urlTtlMs?: number;
  /** Uploaded files expire this long after their upload (kie.ai: 3 days). */
  uploadTtlMs?: number;
  initialCredits?: number;
  /** Only these Bearer keys are accepted; unset accepts any non-empty key. */
  apiKeys?: string[];
  /** Undefined looks on PATH; null forces the bundled fallback video. */
  ffmpegPath?: string | null;
  /** Base of the file URLs handed out, when clients reach the simulator by another name. */
  publicUrl?: string;
  /** Start values for the fault configuration (also what /__sim/reset returns to). */
  faults?: Partial<FaultConfig>;
  log?: (line: string) => void;
}

export interface Simulator {
  url: string;
  port: number;
  close(): Promise<void>;
  /** Validated like `POST /__sim/config`; throws a ZodError on an invalid patch. */
  configure(patch: SimulatorConfigPatch): void;
  /** Faults, counters and credits back to their start values; tasks are kept. */
  reset(): void;
  stats(): SimulatorStatsSnapshot;
  /** createTask calls as they arrived, since start or the last reset, oldest first. */
  createTaskCalls(): CreateTaskCall[];
  /** Every upload so far (kept across resets and restarts), oldest first. */
  uploads(): UploadRecord[];
  settings(): SimulatorSettings;
}

function fallbackVideoPath(): string {
  const candidates = [
    fileURLToPath(new URL("./assets/fallback.mp4", import.meta.url)),
    join(process.cwd(), "lib/kie/simulator/assets/fallback.mp4"),
  ];
  return candidates.find((path) => existsSync(path)) ?? (candidates[0] as string);
}

function initialSettings(opts: SimulatorOptions): SimulatorSettings {
  const defaults = { ...defaultFaultConfig, ...defaultRuntimeSettings };
  const topLevel = {
    stepMs: opts.stepMs,
    hmacKey: opts.hmacKey || undefined,
    callbackMode: opts.callbackMode,
    callbackDelayMs: opts.callbackDelayMs,
    urlTtlMs: opts.urlTtlMs,
    uploadTtlMs: opts.uploadTtlMs,
    apiKeys: opts.apiKeys,
  };
  // Unset top-level options must not blank out the same setting given in `faults`.
  const defined = Object.fromEntries(Object.entries(topLevel).filter(([, v]) => v !== undefined));
  return applyConfigPatch(defaults, { ...opts.faults, ...defined }).settings;
}

const clientGone = new Set(["ERR_STREAM_PREMATURE_CLOSE", "EPIPE", "ECONNRESET"]);

export async function startSimulator(opts: SimulatorOptions): Promise<Simulator> {
  await mkdir(opts.dataDir, { recursive: true });
  const log = opts.log ?? ((line: string) => console.log(`[kie-sim] ${line}`));
  const initialCredits = opts.initialCredits ?? 10_000;
  const startSettings = initialSettings(opts);
  const onWriteError = (error: unknown) => log(`could not save state: ${String(error)}`);
  const store = await openTaskStore({ dataDir: opts.dataDir, initialCredits, onWriteError });
  const blobs = await openBlobStore(join(opts.dataDir, "blobs"));
  const uploads = await openUploadStore({ dataDir: opts.dataDir, blobs, onWriteError });
  const closing = new AbortController();
  let baseUrl = opts.publicUrl?.replace(/\/+$/, "") ?? "";
  const ctx: SimulatorContext = {
    settings: structuredClone(startSettings),
    stats: emptyStats(),
    createTaskCalls: [],
    taskSequence: 0,
    store,
    uploads,
    blobs,
    renderer: createRenderer({
      ffmpegPath: opts.ffmpegPath === undefined ? findFfmpeg() : opts.ffmpegPath,
      videosDir: store.videosDir,
      log,
    }),
    log,
    closing: closing.signal,
    createLimiter: createRateLimiter(),
    recordLimiter: createRateLimiter(),
    transientCounts: new Map(),
    heldResponses: new Set(),
    timers: new Set(),
    fallbackVideoPath: fallbackVideoPath(),
    baseUrl: () => baseUrl,
  };

  const actions: ControlActions = {
    configure(patch) {
      const { settings, credits, expireUploads } = applyConfigPatch(ctx.settings, patch);
      ctx.settings = settings;
      if (credits !== undefined) {
        store.credits = credits;
        store.saveCredits();
      }
      if (expireUploads) uploads.expireAll(Date.now());
    },
    reset() {
      ctx.settings = structuredClone(startSettings);
      ctx.stats = emptyStats();
      ctx.createTaskCalls = [];
      ctx.createLimiter.clear();
      ctx.recordLimiter.clear();
      ctx.transientCounts.clear();
      store.credits = initialCredits;
      store.saveCredits();
    },
    stats: () => ({
      ...ctx.stats,
      credits: store.credits,
      tasks: store.all().length,
      heldRequests: ctx.heldResponses.size,
    }),
  };

  const server = createServer((req, res) => {
    ctx.stats.requests++;
    const base = "http://simulator.invalid";
    if (!URL.canParse(req.url ?? "/", base)) {
      return sendJson(res, 400, { code: 400, msg: "Malformed request URL" });
    }
    const url = new URL(req.url ?? "/", base);
    logRequest(ctx, req, res, url.pathname);
    route(ctx, actions, req, res, url).catch((error: unknown) => {
      if (res.headersSent) res.destroy();
      else sendJson(res, 500, { code: 500, msg: "Internal simulator error" });
      // A client that hangs up mid-download is routine, not worth a line.
      const code = error instanceof Error && "code" in error ? error.code : undefined;
      if (!clientGone.has(String(code))) {
        log(`error in ${req.method} ${url.pathname}: ${String(error)}`);
      }
    });
  });
  server.on("clientError", (_error, socket) => socket.destroy());

  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(opts.port ?? 0, opts.host ?? "127.0.0.1", () => {
      server.off("error", reject);
      resolve();
    });
  });
  const { port, address, family } = server.address() as AddressInfo;
  const reachable = address === "0.0.0.0" || address === "::" ? "127.0.0.1" : address;
  const url = `http://${family === "IPv6" && reachable === address ? `[${address}]` : reachable}:${port}`;
  baseUrl ||= url;

  for (const task of store.all()) runTask(ctx, task);

  let closed: Promise<void> | undefined;
  return {
    url,
    port,
    configure: actions.configure,
    reset: actions.reset,
    stats: actions.stats,
    createTaskCalls: () => ctx.createTaskCalls.map((call) => ({ ...call })),
    uploads: () => uploads.all().map((upload) => ({ ...upload })),
    settings: () => structuredClone(ctx.settings),
    close() {
      closed ??= (async () => {
        closing.abort();
        for (const timer of ctx.timers) clearTimeout(timer);
        ctx.timers.clear();
        ctx.renderer.close();
        for (const res of ctx.heldResponses) res.destroy();
        const stopped = new Promise<void>((resolve) => server.close(() => resolve()));
        server.closeAllConnections();
        await stopped;
        await Promise.all([store.flush(), uploads.flush()]);
      })();
      return closed;
    },
  };
}
