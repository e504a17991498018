import { z } from "zod";

export const KIE_TASK_STATES = ["waiting", "queuing", "generating", "success", "fail"] as const;
export type KieTaskState = (typeof KIE_TASK_STATES)[number];

export interface KieTaskRecord {
  taskId: string;
  model: string | null;
  state: KieTaskState;
  /** Parsed from kie's JSON string (null if absent or unparseable). */
  param: unknown | null;
  /** From resultJson; [] when it is empty, absent or garbage. Only http(s) URLs are kept. */
  resultUrls: string[];
  failCode: string | null;
  failMsg: string | null;
  costTimeMs: number | null;
  createTime: Date | null;
  completeTime: Date | null;
  updateTime: Date | null;
  creditsConsumed: number | null;
}

// kie documents numbers, but a numeric string costs nothing to accept.
const looseNumber = z.union([
  z.number(),
  z
    .string()
    .regex(/^-?\d+(\.\d+)?$/)
    .transform(Number),
]);

export const codeSchema = z.union([
  z.number().int(),
  z
    .string()
    .regex(/^\d{1,4}$/)
    .transform(Number),
]);

export const stateSchema = z
  .string()
  .transform((s) => s.trim().toLowerCase())
  .pipe(z.enum(KIE_TASK_STATES));

// The schema names the message `msg`; some of kie's examples say `message`.
export const envelopeSchema = z.looseObject({
  code: codeSchema,
  msg: z.unknown().optional(),
  message: z.unknown().optional(),
  data: z.unknown().optional(),
});
export type Envelope = z.infer<typeof envelopeSchema>;

export function envelopeMessage(env: Envelope): string | null {
  if (typeof env.msg === "string" && env.msg.trim() !== "") return env.msg;
  if (typeof env.message === "string" && env.message.trim() !== "") return env.message;
  return null;
}

export const createTaskDataSchema = z
  .looseObject({
    taskId: z.string().trim().min(1).optional(),
    task_id: z.string().trim().min(1).optional(),
  })
  .transform((d, ctx) => {
    const taskId = d.taskId ?? d.task_id;
    if (taskId === undefined) {
      ctx.addIssue({ code: "custom", message: "taskId is missing" });
      return z.NEVER;
    }
    return { taskId };
  });

export const creditsDataSchema = looseNumber;

export const downloadUrlDataSchema = z
  .string()
  .trim()
  .refine((s) => isHttpUrl(s), "not an http(s) URL");

/** The File Upload API's `data`: the URL a task can be given (other fields are not needed). */
export const uploadDataSchema = z.looseObject({
  downloadUrl: z
    .string()
    .trim()
    .refine((s) => isHttpUrl(s), "not an http(s) URL"),
});

const optionalText = z
  .union([z.string(), z.number().transform(String)])
  .nullable()
  .optional()
  .catch(null)
  .transform((s) => (s === undefined || s === null || s.trim() === "" ? null : s));

const optionalNumber = looseNumber
  .nullable()
  .optional()
  .catch(null)
  .transform((n) => (n === undefined ? null : n));

export const recordDataSchema = z.looseObject({
  taskId: z.string().trim().min(1).optional(),
  model: z.string().nullable().optional().catch(null),
  state: stateSchema,
  param: z.unknown().optional(),
  resultJson: z.unknown().optional(),
  failCode: optionalText,
  failMsg: optionalText,
  costTime: optionalNumber,
  createTime: optionalNumber,
  completeTime: optionalNumber,
  updateTime: optionalNumber,
  creditsConsumed: optionalNumber,
});
export type RecordData = z.infer<typeof recordDataSchema>;

export function toTaskRecord(data: RecordData, requestedTaskId: string): KieTaskRecord {
  return {
    taskId: data.taskId ?? requestedTaskId,
    model: data.model ?? null,
    state: data.state,
    param: parseJsonField(data.param),
    resultUrls: parseResultUrls(data.resultJson),
    failCode: data.failCode,
    failMsg: data.failMsg,
    costTimeMs: data.costTime !== null && data.costTime >= 0 ? data.costTime : null,
    createTime: toDate(data.createTime),
    completeTime: toDate(data.completeTime),
    updateTime: toDate(data.updateTime),
    creditsConsumed: data.creditsConsumed,
  };
}

/** kie sends nested JSON as strings; tolerate objects already parsed, and garbage (→ null). */
export function parseJsonField(value: unknown): unknown | null {
  if (value === undefined || value === null) return null;
  if (typeof value === "object") return value;
  if (typeof value !== "string" || value.trim() === "") return null;
  try {
    return JSON.parse(value) as unknown;
  } catch {
    return null;
  }
}

const resultJsonSchema = z.looseObject({
  resultUrls: z.union([z.array(z.unknown()), z.string().transform((s) => [s])]),
});

export function parseResultUrls(resultJson: unknown): string[] {
  const parsed = resultJsonSchema.safeParse(parseJsonField(resultJson));
  if (!parsed.success) return [];
  const urls: unknown[] = parsed.data.resultUrls;
  return urls.filter((u): u is string => typeof u === "string" && isHttpUrl(u.trim()));
}

function isHttpUrl(s: string): boolean {
  try {
    const url = new URL(s);
    return url.protocol === "https:" || url.protocol === "http:";
  } catch {
    return false;
  }
}

// Anything below 1e11 cannot be a millisecond time of ours (it is 1973), so it is seconds.
const SECONDS_BELOW = 1e11;

function toDate(n: number | null): Date | null {
  if (n === null || !Number.isFinite(n) || n <= 0) return null;
  const date = new Date(n < SECONDS_BELOW ? n * 1000 : n);
  return Number.isNaN(date.getTime()) ? null : date;
}

export const callbackBodySchema = z.looseObject({
  code: codeSchema.nullable().optional(),
  taskId: z.string().nullable().optional(),
  data: z
    .looseObject({
      taskId: z.string().nullable().optional(),
      task_id: z.string().nullable().optional(),
      state: z.string().nullable().optional(),
      failCode: z
        .union([z.string(), z.number().transform(String)])
        .nullable()
        .optional(),
      failMsg: z.string().nullable().optional(),
      creditsConsumed: looseNumber.nullable().optional(),
    })
    .nullable()
    .optional(),
});
