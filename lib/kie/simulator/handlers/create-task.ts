import type { IncomingMessage, ServerResponse } from "node:http";
import { setTimeout as delay } from "node:timers/promises";
import { authenticate, unauthorizedMsg } from "../authenticate";
import type { LostAnswer } from "../config";
import { type CreateTaskCall, MAX_RECORDED_CALLS, type SimulatorContext } from "../context";
import { readJson, sendBodyError, sendJson } from "../http-io";
import { type PromptMarkers, parseMarkers } from "../markers";
import { newTaskId } from "../task-id";
import { runTask } from "../task-lifecycle";
import { taskOutput } from "../task-output";
import type { TaskRecord } from "../task-store";
import { type CreateTaskInput, validateCreateTask } from "../validate-create-task";

const failureMessages: Record<number, string> = {
  401: unauthorizedMsg,
  402: "Credits insufficient. Please top up your account",
  422: "prompt rejected by content policy",
  429: "Rate limited: too many requests, please try again later",
  433: "Usage limit of this API key has been reached",
  455: "Service is under maintenance, please try again later",
  500: "Internal server error",
  505: "This feature is currently disabled",
};

/** kie's mix: rate limiting and server errors use real HTTP statuses, the rest HTTP 200. */
function sendFailure(res: ServerResponse, status: number, msg?: string): void {
  const text = msg ?? failureMessages[status] ?? "Request failed";
  if (status === 429 || status === 500) sendJson(res, status, { code: status, msg: text });
  else sendBodyError(res, status, text, status === 455 ? "message" : "msg");
}

/** True while a "[sim:429x3]"-style marker still owes failures for this key and prompt. */
function owesTransientFailure(
  ctx: SimulatorContext,
  apiKey: string,
  prompt: string,
  transient: NonNullable<PromptMarkers["transient"]>,
): boolean {
  const key = `${transient.status}\n${apiKey}\n${prompt}`;
  const served = ctx.transientCounts.get(key) ?? 0;
  if (served < transient.times) {
    ctx.transientCounts.set(key, served + 1);
    return true;
  }
  ctx.transientCounts.delete(key);
  return false;
}

function newTask(
  ctx: SimulatorContext,
  params: { input: CreateTaskInput; markers: PromptMarkers; body: unknown },
): TaskRecord {
  let taskId: string;
  do taskId = newTaskId(ctx.settings.taskIdStyle, ctx.taskSequence++);
  while (ctx.store.get(taskId));
  const { settings } = ctx;
  return {
    taskId,
    model: params.input.model,
    param: JSON.stringify(params.body),
    prompt: params.input.prompt,
    callBackUrl: params.input.callBackUrl,
    createTime: Date.now(),
    stepMs: settings.stepMs * (params.markers.slow || settings.slowTasks ? 10 : 1),
    outcome: params.markers.fail || settings.failTasks ? "fail" : "success",
    markers: params.markers,
    callbackMode:
      params.markers.callbackMode ?? (settings.dropCallbacks ? "drop" : settings.callbackMode),
    video: null,
    completeTime: null,
    resultExpires: null,
  };
}

/** Leaves the response open until the client gives up: the classic ambiguous submission. */
function hold(ctx: SimulatorContext, res: ServerResponse): void {
  ctx.stats.createTaskHeld++;
  ctx.heldResponses.add(res);
  res.on("close", () => ctx.heldResponses.delete(res));
}

const gatewayPages: Record<"502" | "504", string> = {
  "502":
    "<html><head><title>502 Bad Gateway</title></head><body><h1>502 Bad Gateway</h1></body></html>",
  "504":
    "<html><head><title>504 Gateway Time-out</title></head><body><h1>504 Gateway Time-out</h1></body></html>",
};

/** The task exists, but the answer saying so never reaches the client intact. */
function loseAnswer(res: ServerResponse, answer: LostAnswer): void {
  switch (answer) {
    case "drop":
      res.socket?.destroy();
      return;
    case "500":
      sendJson(res, 500, { code: 500, msg: failureMessages[500] });
      return;
    case "503":
      res.writeHead(503, { "content-type": "text/plain", connection: "close" });
      res.end("upstream connect error or disconnect/reset before headers");
      return;
    default:
      res.writeHead(Number(answer), { "content-type": "text/html", connection: "close" });
      res.end(gatewayPages[answer]);
  }
}

function recordCall(ctx: SimulatorContext): CreateTaskCall {
  const call = { at: Date.now(), rateLimited: false };
  ctx.createTaskCalls.push(call);
  if (ctx.createTaskCalls.length > MAX_RECORDED_CALLS) ctx.createTaskCalls.shift();
  return call;
}

/** False when the simulator closed meanwhile: the connection is going, nothing is answered. */
async function waitLatency(ctx: SimulatorContext, res: ServerResponse): Promise<boolean> {
  const ms = ctx.settings.createTaskLatencyMs;
  if (ms === 0) return true;
  try {
    await delay(ms, undefined, { signal: ctx.closing });
    return true;
  } catch {
    res.destroy();
    return false;
  }
}

// POST /api/v1/jobs/createTask — start a generation
export async function handleCreateTask(
  ctx: SimulatorContext,
  req: IncomingMessage,
  res: ServerResponse,
): Promise<void> {
  ctx.stats.createTaskCalls++;
  const call = recordCall(ctx);
  const fail = (status: number, msg?: string) => {
    ctx.stats.createTaskErrors++;
    sendFailure(res, status, msg);
  };
  const apiKey = authenticate(req, ctx.settings);
  if (!apiKey) return fail(401);
  if (!ctx.createLimiter.allow(apiKey, ctx.settings.createTaskRateLimit)) {
    ctx.stats.rateLimited++;
    call.rateLimited = true;
    return fail(429);
  }
  if (!(await waitLatency(ctx, res))) return;
  const body = await readJson(req);
  if (!body.ok) {
    ctx.stats.createTaskErrors++;
    if (body.status === 413) res.setHeader("connection", "close");
    return body.status === 413
      ? sendJson(res, 413, { code: 413, msg: body.msg })
      : sendBodyError(res, body.status, body.msg);
  }
  const configured = ctx.settings.createTaskFailures;
  if (configured && configured.count > 0) {
    ctx.settings.createTaskFailures = { ...configured, count: configured.count - 1 };
    return fail(configured.status);
  }
  const valid = validateCreateTask(body.value);
  if (!valid.ok) return fail(422, valid.msg);
  const markers = parseMarkers(valid.value.prompt);
  if (markers.reject) return fail(markers.reject);
  if (
    markers.transient &&
    owesTransientFailure(ctx, apiKey, valid.value.prompt, markers.transient)
  ) {
    return fail(markers.transient.status);
  }
  const task = newTask(ctx, { input: valid.value, markers, body: body.value });
  if (ctx.store.credits < taskOutput(task).credits) return fail(402);
  ctx.store.add(task);
  ctx.stats.tasksCreated++;
  runTask(ctx, task);
  if (markers.timeout) return hold(ctx, res);
  if (ctx.settings.createTaskHangs > 0) {
    ctx.settings.createTaskHangs--;
    return hold(ctx, res);
  }
  const lost = ctx.settings.createTaskLosesAnswer;
  if (lost && lost.count > 0) {
    ctx.settings.createTaskLosesAnswer = { ...lost, count: lost.count - 1 };
    ctx.stats.createTaskAnswersLost++;
    return loseAnswer(res, lost.answer);
  }
  sendJson(res, 200, { code: 200, msg: "success", data: { taskId: task.taskId } });
}
