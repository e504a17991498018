import { z } from "zod";

// Everything the simulator lets a test or a developer change at run time, in one typed,
// validated shape: `POST /__sim/config` and `Simulator.configure()` both go through it.

const failureCount = z.int().min(0).max(1000);

const window = z.strictObject({
  max: z.int().min(1),
  windowMs: z.int().min(1),
});

export const callbackModes = ["normal", "drop", "duplicate", "late"] as const;
export type CallbackMode = (typeof callbackModes)[number];

export const lostAnswers = ["500", "502", "503", "504", "drop"] as const;
export type LostAnswer = (typeof lostAnswers)[number];

export const fileModes = ["normal", "truncated", "oversize", "badtype"] as const;
export type FileMode = (typeof fileModes)[number];

export const faultConfigSchema = z.strictObject({
  /** How finished tasks call back; a prompt marker overrides it per task. */
  callbackMode: z.enum(callbackModes),
  /** Delay before a "late" callback. */
  callbackDelayMs: z.int().min(0),
  /** Shorthand for callbackMode "drop" that leaves callbackMode untouched. */
  dropCallbacks: z.boolean(),
  /** Extra delivery attempts after a non-2xx answer or a network error. */
  callbackRetries: z.int().min(0).max(10),
  callbackRetryDelayMs: z.int().min(0),
  /** The next `count` createTask calls answer with this code (429/500 as real HTTP statuses). */
  createTaskFailures: z
    .strictObject({
      status: z.literal([401, 402, 422, 429, 433, 455, 500, 505]),
      count: failureCount,
    })
    .nullable(),
  /** The next `count` createTask calls create their task but never answer. */
  createTaskHangs: z.int().min(0),
  /**
   * A slow kie.ai: a createTask past the key check and the rate limit (both answered at once, at
   * the door) waits this long before its task is made and answered.
   */
  createTaskLatencyMs: z.int().min(0).max(120_000),
  /**
   * The next `count` createTask calls create their task and then lose kie's answer: a server
   * error (HTTP 500 with kie's envelope), a proxy's 502/503/504, or the connection dropped.
   */
  createTaskLosesAnswer: z
    .strictObject({ answer: z.enum(lostAnswers), count: failureCount })
    .nullable(),
  /** The next `count` recordInfo calls fail: 422 "recordInfo is null", HTTP 429 or HTTP 500. */
  recordInfoFailures: z
    .strictObject({ status: z.literal([422, 429, 500]), count: failureCount })
    .nullable(),
  /** kie answers "recordInfo is null" for a moment right after creation. */
  recordInfoNullMs: z.int().min(0),
  /** Every new task ends in fail. */
  failTasks: z.boolean(),
  /** Every new task takes 10× stepMs per state. */
  slowTasks: z.boolean(),
  /** How result files are served (a prompt marker overrides it per task). */
  fileMode: z.enum(fileModes),
  /** Body size announced and streamed by "oversize" files. */
  oversizeBytes: z.int().min(1),
  /** Every file URL answers 403 as if expired. */
  expireUrls: z.boolean(),
  /** "alternate" hands out a 32-hex id to every third task, kie-style ids otherwise. */
  taskIdStyle: z.enum(["hailuo", "hex", "alternate"]),
  createTaskRateLimit: window,
  recordInfoRateLimit: window.nullable(),
  /** The next `count` uploads (any form) fail: HTTP 429 or HTTP 500, in the upload API's body. */
  uploadFailures: z.strictObject({ status: z.literal([429, 500]), count: failureCount }).nullable(),
});
export type FaultConfig = z.infer<typeof faultConfigSchema>;

export const runtimeSettingsSchema = z.strictObject({
  stepMs: z.int().min(1),
  hmacKey: z.string().min(1).nullable(),
  urlTtlMs: z.int().min(1),
  /** Uploaded files expire (and their links answer 404) this long after the upload. */
  uploadTtlMs: z.int().min(1),
  apiKeys: z.array(z.string().min(1)).nullable(),
});
export type RuntimeSettings = z.infer<typeof runtimeSettingsSchema>;

export type SimulatorSettings = FaultConfig & RuntimeSettings;

export const configPatchSchema = faultConfigSchema
  .extend(runtimeSettingsSchema.shape)
  .extend({
    credits: z.int().min(0),
    /** Not a setting but an event: every upload so far expires now; later ones live as usual. */
    expireUploads: z.boolean(),
  })
  .partial();
export type SimulatorConfigPatch = z.input<typeof configPatchSchema>;

export const defaultFaultConfig: FaultConfig = {
  callbackMode: "normal",
  callbackDelayMs: 5000,
  dropCallbacks: false,
  callbackRetries: 3,
  callbackRetryDelayMs: 500,
  createTaskFailures: null,
  createTaskHangs: 0,
  createTaskLatencyMs: 0,
  createTaskLosesAnswer: null,
  recordInfoFailures: null,
  recordInfoNullMs: 300,
  failTasks: false,
  slowTasks: false,
  fileMode: "normal",
  oversizeBytes: 1024 ** 3,
  expireUrls: false,
  taskIdStyle: "alternate",
  createTaskRateLimit: { max: 20, windowMs: 10_000 },
  recordInfoRateLimit: { max: 10, windowMs: 1000 },
  uploadFailures: null,
};

export const defaultRuntimeSettings: RuntimeSettings = {
  stepMs: 1500,
  hmacKey: null,
  urlTtlMs: 24 * 60 * 60 * 1000,
  uploadTtlMs: 3 * 24 * 60 * 60 * 1000,
  apiKeys: null,
};

/**
 * Validates a patch and returns the merged settings plus what else it asks for: a credit balance
 * to set, and whether every upload is to expire now.
 */
export function applyConfigPatch(
  current: SimulatorSettings,
  patch: unknown,
): { settings: SimulatorSettings; credits: number | undefined; expireUploads: boolean } {
  const { credits, expireUploads, ...rest } = configPatchSchema.parse(patch);
  const defined = Object.fromEntries(Object.entries(rest).filter(([, v]) => v !== undefined));
  return { settings: { ...current, ...defined }, credits, expireUploads: expireUploads === true };
}

/** What `/__sim/config` shows: everything but the HMAC key itself. */
export function publicSettings(settings: SimulatorSettings) {
  const { hmacKey, apiKeys, ...rest } = settings;
  return { ...rest, hmacKeySet: hmacKey !== null, apiKeysSet: apiKeys?.length ?? 0 };
}
