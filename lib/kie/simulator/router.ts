import type { IncomingMessage, ServerResponse } from "node:http";
import type { SimulatorContext } from "./context";
import { handleCredit, handleDownloadUrl } from "./handlers/common";
import {
  type ControlActions,
  handleConfig,
  handleCreateTaskCalls,
  handleReset,
  handleStats,
  handleTasks,
  handleUploads,
} from "./handlers/control";
import { handleCreateTask } from "./handlers/create-task";
import { handleRecordInfo } from "./handlers/record-info";
import { handleFile } from "./handlers/serve-file";
import { handleUploadDownload } from "./handlers/serve-upload";
import { handleUpload } from "./handlers/upload-file";
import { bodyCodes, sendJson } from "./http-io";
import { isSafeTaskId } from "./task-store";
import { uploadLinkPrefix } from "./upload-link";

// kie.ai's paths (the generation API and the File Upload API), the file hosts for results and
// uploads, and the simulator's own /__sim control API.

const filePath = /^\/files\/([^/]+)\.mp4$/;

export async function route(
  ctx: SimulatorContext,
  actions: ControlActions,
  req: IncomingMessage,
  res: ServerResponse,
  url: URL,
): Promise<void> {
  const method = req.method ?? "GET";
  const path = url.pathname;
  const file = filePath.exec(path)?.[1];
  if (file !== undefined && isSafeTaskId(file) && (method === "GET" || method === "HEAD")) {
    return handleFile({ ctx, req, res, taskId: file, query: url.searchParams });
  }
  if (path.startsWith(uploadLinkPrefix) && (method === "GET" || method === "HEAD")) {
    return handleUploadDownload({ ctx, req, res, url });
  }
  switch (`${method} ${path}`) {
    case "POST /api/v1/jobs/createTask":
      return handleCreateTask(ctx, req, res);
    case "GET /api/v1/jobs/recordInfo":
      return handleRecordInfo(ctx, req, res, url.searchParams);
    case "GET /api/v1/chat/credit":
      return handleCredit(ctx, req, res);
    case "POST /api/v1/common/download-url":
      return handleDownloadUrl(ctx, req, res);
    case "POST /api/file-stream-upload":
      return handleUpload(ctx, req, res, "stream");
    case "POST /api/file-base64-upload":
      return handleUpload(ctx, req, res, "base64");
    case "POST /api/file-url-upload":
      return handleUpload(ctx, req, res, "url");
    case "GET /__sim/config":
    case "POST /__sim/config":
      return handleConfig({ ctx, actions, req, res });
    case "GET /__sim/stats":
      return handleStats(actions, res);
    case "POST /__sim/reset":
      return handleReset(actions, res);
    case "GET /__sim/tasks":
      return handleTasks(ctx, res);
    case "GET /__sim/uploads":
      return handleUploads(ctx, res);
    case "GET /__sim/create-task-calls":
      return handleCreateTaskCalls(ctx, res);
    case "GET /":
      return sendJson(res, 200, { code: 200, msg: "kie.ai simulator" });
    default:
      sendJson(res, 404, { code: 404, msg: `No route for ${method} ${path}` });
  }
}

/** One line per request: method, path, status (and kie's body code when it differs). Never the key. */
export function logRequest(
  ctx: SimulatorContext,
  req: IncomingMessage,
  res: ServerResponse,
  path: string,
) {
  const started = Date.now();
  res.on("close", () => {
    const ms = Date.now() - started;
    if (!res.writableFinished) {
      const outcome = ctx.heldResponses.has(res) ? "held, closed by client" : "aborted";
      ctx.log(`${req.method} ${path} ${outcome} ${ms}ms`);
      return;
    }
    const code = bodyCodes.get(res);
    const body = typeof code === "number" && code !== res.statusCode ? ` (code ${code})` : "";
    ctx.log(`${req.method} ${path} ${res.statusCode}${body} ${ms}ms`);
  });
}
