import { createHash } from "node:crypto";
import { setTimeout as sleep } from "node:timers/promises";
import { signWebhook } from "./signing";
import type { TaskView } from "./task-timeline";

// kie.ai's pages show the task id in three places; each task gets one of them, chosen by a hash
// of its id so a run is reproducible and all three occur.

export type CallbackVariant = "data.taskId" | "data.task_id" | "taskId";
const variants: CallbackVariant[] = ["data.taskId", "data.task_id", "taskId"];

export function callbackVariant(taskId: string): CallbackVariant {
  const digest = createHash("sha256").update(taskId).digest();
  return variants[(digest[0] ?? 0) % variants.length] ?? "data.taskId";
}

/** The callback for a task that ended; `credits`: what a success cost. */
export function buildCallbackBody(view: TaskView, credits: number): Record<string, unknown> {
  const { taskId, costTime, resultJson, ...rest } = view;
  const success = view.state === "success";
  const variant = callbackVariant(taskId);
  const data: Record<string, unknown> = {
    ...rest,
    // Seconds here, milliseconds in recordInfo: kie's own inconsistency.
    costTime: Math.round((costTime ?? 0) / 1000),
    creditsConsumed: success ? credits : 0,
  };
  if (success) data.resultJson = resultJson;
  else if (variant === "taskId") data.resultJson = null;
  if (variant === "data.taskId") data.taskId = taskId;
  if (variant === "data.task_id") data.task_id = taskId;
  return {
    code: success ? 200 : 501,
    msg: success ? "Playground task completed successfully." : "Playground task failed.",
    ...(variant === "taskId" ? { taskId, callbackType: "task_completed" } : {}),
    data,
  };
}

async function postOnce(params: {
  url: string;
  taskId: string;
  body: string;
  hmacKey: string | null;
  signal: AbortSignal;
}): Promise<boolean> {
  const headers: Record<string, string> = {
    "content-type": "application/json",
    "user-agent": "kie-simulator/1.0",
  };
  if (params.hmacKey) {
    const timestamp = String(Math.floor(Date.now() / 1000));
    headers["x-webhook-timestamp"] = timestamp;
    headers["x-webhook-signature"] = signWebhook({
      taskId: params.taskId,
      timestamp,
      key: params.hmacKey,
    });
  }
  try {
    const response = await fetch(params.url, {
      method: "POST",
      headers,
      body: params.body,
      redirect: "manual",
      signal: AbortSignal.any([params.signal, AbortSignal.timeout(15_000)]),
    });
    await response.arrayBuffer().catch(() => undefined);
    return response.status >= 200 && response.status < 300;
  } catch {
    return false;
  }
}

/** Posts a callback, retrying a failed delivery a few times. Never throws. */
export async function deliverCallback(params: {
  url: string;
  taskId: string;
  body: string;
  hmacKey: string | null;
  retries: number;
  retryDelayMs: number;
  signal: AbortSignal;
  onAttempt: (delivered: boolean) => void;
}): Promise<boolean> {
  for (let attempt = 0; attempt <= params.retries; attempt++) {
    if (params.signal.aborted) return false;
    const delivered = await postOnce(params);
    if (params.signal.aborted) return false;
    params.onAttempt(delivered);
    if (delivered) return true;
    if (attempt < params.retries) {
      const waited = await sleep(params.retryDelayMs * 2 ** attempt, true, {
        signal: params.signal,
      }).catch(() => false);
      if (!waited) return false;
    }
  }
  return false;
}
