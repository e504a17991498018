import { createHash } from "node:crypto";
import { setTimeout as sleep } from "node:timers/promises";
import type { SimulatorContext } from "./context";
import { buildCallbackBody, deliverCallback } from "./deliver-callback";
import { signFileUrl } from "./signing";
import { fetchTaskImages } from "./task-images";
import { taskOutput } from "./task-output";
import type { TaskRecord } from "./task-store";
import { isReadyToEnd, stepsEndAt, viewTask } from "./task-timeline";

// Drives a task from creation to its end: its images fetched and the render in the background,
// the moment it ends (credits, result URL), and the callback. Finishing is idempotent and may be
// triggered by a timer, a finished render, or a recordInfo read that finds the task due.

/** kie.ai's answer when a task's image cannot be used; the callback says 501 as for any failure. */
const imageFailCode = "400";

export function resultUrl(ctx: SimulatorContext, task: TaskRecord): string | null {
  if (task.outcome !== "success" || task.resultExpires === null) return null;
  return signFileUrl({
    baseUrl: ctx.baseUrl(),
    taskId: task.taskId,
    expires: task.resultExpires,
    secret: ctx.store.urlSecret,
  });
}

function later(ctx: SimulatorContext, ms: number, run: () => void): void {
  const timer = setTimeout(() => {
    ctx.timers.delete(timer);
    run();
  }, ms);
  ctx.timers.add(timer);
}

async function sendCallbacks(ctx: SimulatorContext, task: TaskRecord): Promise<void> {
  const url = task.callBackUrl;
  if (url === null) return;
  const mode = task.callbackMode;
  if (mode === "drop") {
    ctx.stats.callbacksDropped++;
    ctx.log(`callback for ${task.taskId} dropped on purpose`);
    return;
  }
  const body = JSON.stringify(
    buildCallbackBody(viewTask(task, resultUrl(ctx, task), Date.now()), taskOutput(task).credits),
  );
  const deliver = () =>
    deliverCallback({
      url,
      taskId: task.taskId,
      body,
      hmacKey: ctx.settings.hmacKey,
      retries: ctx.settings.callbackRetries,
      retryDelayMs: ctx.settings.callbackRetryDelayMs,
      signal: ctx.closing,
      onAttempt: (delivered) => {
        ctx.stats.callbacksSent++;
        if (delivered) ctx.stats.callbacksDelivered++;
        else ctx.stats.callbacksFailed++;
        ctx.log(`callback ${task.taskId} -> ${delivered ? "delivered" : "failed"}`);
      },
    });
  const pause = (ms: number) => sleep(ms, true, { signal: ctx.closing }).catch(() => false);
  if (mode === "late" && !(await pause(ctx.settings.callbackDelayMs))) return;
  const digest = createHash("sha256").update(task.taskId).digest();
  const times = mode === "duplicate" ? 2 + ((digest[1] ?? 0) % 4) : 1;
  for (let i = 0; i < times; i++) {
    if (i > 0 && !(await pause(150))) return;
    await deliver();
  }
}

export function finishIfDue(ctx: SimulatorContext, task: TaskRecord, now = Date.now()): void {
  if (task.completeTime !== null || ctx.closing.aborted || !isReadyToEnd(task, now)) return;
  const completeTime = Math.max(stepsEndAt(task), task.video?.readyAt ?? 0);
  task.completeTime = completeTime;
  if (task.outcome === "success") {
    task.resultExpires = completeTime + ctx.settings.urlTtlMs;
    ctx.store.credits -= taskOutput(task).credits;
    ctx.store.saveCredits();
  }
  ctx.store.save(task);
  void sendCallbacks(ctx, task);
}

function failForImage(ctx: SimulatorContext, task: TaskRecord, msg: string): void {
  ctx.stats.taskImageFailures++;
  task.outcome = "fail";
  task.failure = { code: imageFailCode, msg };
  ctx.store.save(task);
  finishIfDue(ctx, task);
}

/** Fetches the task's images (if it has any) and renders its video; a success waits for this. */
async function makeVideo(ctx: SimulatorContext, task: TaskRecord): Promise<void> {
  const fetched = await fetchTaskImages(ctx, task).catch((error: unknown) => {
    ctx.log(`could not fetch the images of ${task.taskId}: ${String(error)}`);
    return { ok: false, msg: "image_url could not be downloaded" } as const;
  });
  if (ctx.closing.aborted) return;
  if (!fetched.ok) return failForImage(ctx, task, fetched.msg);
  const { images } = fetched;
  if (images) ctx.stats.taskImagesFetched += images.end ? 2 : 1;
  const video = await ctx.renderer.render(task.prompt, taskOutput(task, images));
  if (video === null || ctx.closing.aborted) return;
  task.video = video;
  if (video.source === "ffmpeg") ctx.stats.videosRendered++;
  else ctx.stats.fallbackVideos++;
  ctx.store.save(task);
  finishIfDue(ctx, task);
}

/** Starts (or, after a restart, resumes) a task that has not ended yet. */
export function runTask(ctx: SimulatorContext, task: TaskRecord): void {
  if (task.completeTime !== null) return;
  if (task.outcome === "success" && task.video === null) void makeVideo(ctx, task);
  const finishAtEnd = () => {
    const wait = stepsEndAt(task) - Date.now();
    // Timers can fire a millisecond early; arm again rather than leave the task running.
    if (wait > 0) later(ctx, wait, finishAtEnd);
    else finishIfDue(ctx, task);
  };
  later(ctx, Math.max(0, stepsEndAt(task) - Date.now()), finishAtEnd);
}
