import type { IncomingMessage, ServerResponse } from "node:http";
import { ZodError } from "zod";
import { publicSettings, type SimulatorConfigPatch } from "../config";
import type { SimulatorContext, SimulatorStatsSnapshot } from "../context";
import { readJson, sendJson } from "../http-io";
import { resultUrl } from "../task-lifecycle";
import { viewTask } from "../task-timeline";

// The control API tests and developers use to steer the simulator. It is not part of kie.ai's
// API and needs no key: the simulator only ever listens for local development and tests.

export interface ControlActions {
  configure(patch: SimulatorConfigPatch): void;
  reset(): void;
  stats(): SimulatorStatsSnapshot;
}

// POST /__sim/config — patch the fault configuration; GET shows it
export async function handleConfig(params: {
  ctx: SimulatorContext;
  actions: ControlActions;
  req: IncomingMessage;
  res: ServerResponse;
}): Promise<void> {
  const { ctx, actions, req, res } = params;
  if (req.method === "POST") {
    const body = await readJson(req);
    if (!body.ok) return sendJson(res, body.status, { code: body.status, msg: body.msg });
    try {
      actions.configure(body.value as SimulatorConfigPatch);
    } catch (error) {
      const msg = error instanceof ZodError ? error.issues : String(error);
      return sendJson(res, 400, { code: 400, msg: "Invalid configuration", issues: msg });
    }
  }
  sendJson(res, 200, { code: 200, msg: "success", data: publicSettings(ctx.settings) });
}

// GET /__sim/stats — counters since start or the last reset
export function handleStats(actions: ControlActions, res: ServerResponse): void {
  sendJson(res, 200, { code: 200, msg: "success", data: actions.stats() });
}

// GET /__sim/create-task-calls — each createTask call's arrival time (ms since the epoch) and
// whether the rate limit refused it, oldest first: how fast a client really calls
export function handleCreateTaskCalls(ctx: SimulatorContext, res: ServerResponse): void {
  sendJson(res, 200, { code: 200, msg: "success", data: ctx.createTaskCalls });
}

// POST /__sim/reset — faults, counters and credits back to the start values; tasks are kept
export function handleReset(actions: ControlActions, res: ServerResponse): void {
  actions.reset();
  sendJson(res, 200, { code: 200, msg: "success", data: actions.stats() });
}

// GET /__sim/tasks — every known task, newest first, with the callback URL it was given
export function handleTasks(ctx: SimulatorContext, res: ServerResponse): void {
  const now = Date.now();
  const tasks = ctx.store
    .all()
    .sort((a, b) => b.createTime - a.createTime)
    .map((task) => ({
      ...viewTask(task, resultUrl(ctx, task), now),
      prompt: task.prompt,
      callBackUrl: task.callBackUrl,
    }));
  sendJson(res, 200, { code: 200, msg: "success", data: tasks });
}

// GET /__sim/uploads — every upload, oldest first: what was sent, in which form, and its life
export function handleUploads(ctx: SimulatorContext, res: ServerResponse): void {
  const now = Date.now();
  const uploads = ctx.uploads.all().map((upload) => ({
    uploadPath: upload.uploadPath,
    fileName: upload.fileName,
    filePath: upload.filePath,
    fileSize: upload.fileSize,
    mimeType: upload.mimeType,
    sha256: upload.sha256,
    form: upload.form,
    uploadedAt: new Date(upload.uploadedAt).toISOString(),
    expiresAt: new Date(upload.expiresAt).toISOString(),
    expired: upload.expiresAt <= now,
    /** A later upload took its name: its link now serves that one. */
    replaced: ctx.uploads.current(upload.filePath) !== upload,
  }));
  sendJson(res, 200, { code: 200, msg: "success", data: uploads });
}
