import type { ServerResponse } from "node:http";
import type { BlobStore } from "./blob-store";
import type { SimulatorSettings } from "./config";
import type { RateLimiter } from "./rate-limiter";
import type { Renderer } from "./render-video";
import type { TaskStore } from "./task-store";
import type { UploadStore } from "./upload-store";

// The state every handler shares; built once by startSimulator.

export interface SimulatorStats {
  requests: number;
  createTaskCalls: number;
  tasksCreated: number;
  /** createTask calls answered with an error code (including HTTP 429/500). */
  createTaskErrors: number;
  rateLimited: number;
  /** createTask calls that created their task and never answered. */
  createTaskHeld: number;
  /** createTask calls that created their task and then answered an error or dropped the line. */
  createTaskAnswersLost: number;
  recordInfoCalls: number;
  /** Callback POSTs attempted, retries and duplicates included. */
  callbacksSent: number;
  callbacksDelivered: number;
  callbacksFailed: number;
  /** Callbacks deliberately never sent (drop mode). */
  callbacksDropped: number;
  filesServed: number;
  downloadUrlCalls: number;
  videosRendered: number;
  fallbackVideos: number;
  /** Calls to the three upload endpoints, refused ones included. */
  uploadCalls: number;
  /** Files stored by an upload. */
  uploads: number;
  /** Upload calls refused (401, 400, 413, configured failures). */
  uploadErrors: number;
  /** Uploaded files served through their download links. */
  uploadsServed: number;
  /** Start and end images a task fetched and could use. */
  taskImagesFetched: number;
  /** Tasks that failed because an image could not be had or used. */
  taskImageFailures: number;
}

export interface SimulatorStatsSnapshot extends SimulatorStats {
  credits: number;
  tasks: number;
  /** createTask responses currently held open. */
  heldRequests: number;
}

/** One createTask call, stamped as it arrived, so a client's rate over time can be read back. */
export interface CreateTaskCall {
  /** Arrival, in ms since the epoch: before any createTaskLatencyMs. */
  at: number;
  /** Refused by the per-key rate limit (HTTP 429). */
  rateLimited: boolean;
}

/** The newest calls kept; older ones are forgotten, so a long-running simulator stays small. */
export const MAX_RECORDED_CALLS = 10_000;

export function emptyStats(): SimulatorStats {
  return {
    requests: 0,
    createTaskCalls: 0,
    tasksCreated: 0,
    createTaskErrors: 0,
    rateLimited: 0,
    createTaskHeld: 0,
    createTaskAnswersLost: 0,
    recordInfoCalls: 0,
    callbacksSent: 0,
    callbacksDelivered: 0,
    callbacksFailed: 0,
    callbacksDropped: 0,
    filesServed: 0,
    downloadUrlCalls: 0,
    videosRendered: 0,
    fallbackVideos: 0,
    uploadCalls: 0,
    uploads: 0,
    uploadErrors: 0,
    uploadsServed: 0,
    taskImagesFetched: 0,
    taskImageFailures: 0,
  };
}

export interface SimulatorContext {
  settings: SimulatorSettings;
  stats: SimulatorStats;
  /** createTask calls since start or the last reset, oldest first (at most MAX_RECORDED_CALLS). */
  createTaskCalls: CreateTaskCall[];
  taskSequence: number;
  readonly store: TaskStore;
  readonly uploads: UploadStore;
  /** Bytes of uploads and of the images tasks start from, by SHA-256. */
  readonly blobs: BlobStore;
  readonly renderer: Renderer;
  readonly log: (line: string) => void;
  /** Aborted by close(): stops timers, callbacks and renders. */
  readonly closing: AbortSignal;
  readonly createLimiter: RateLimiter;
  readonly recordLimiter: RateLimiter;
  /** How many times a marker-driven transient failure has been answered, per key and prompt. */
  readonly transientCounts: Map<string, number>;
  /** createTask responses deliberately left unanswered. */
  readonly heldResponses: Set<ServerResponse>;
  readonly timers: Set<NodeJS.Timeout>;
  readonly fallbackVideoPath: string;
  /** Base URL put into file links (scheme, host and port, no trailing slash). */
  baseUrl(): string;
}
