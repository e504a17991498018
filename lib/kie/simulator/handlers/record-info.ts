import type { IncomingMessage, ServerResponse } from "node:http";
import { authenticate, unauthorizedMsg } from "../authenticate";
import type { SimulatorContext } from "../context";
import { sendBodyError, sendJson } from "../http-io";
import { finishIfDue, resultUrl } from "../task-lifecycle";
import { viewTask } from "../task-timeline";

// recordInfo's errors use "message" where the rest of the API uses "msg": kie's own examples
// disagree, and clients must read both.

const recordInfoNull = { code: 422, msg: "recordInfo is null", data: null };

function answerConfiguredFailure(ctx: SimulatorContext, res: ServerResponse): boolean {
  const failure = ctx.settings.recordInfoFailures;
  if (!failure || failure.count <= 0) return false;
  ctx.settings.recordInfoFailures = { ...failure, count: failure.count - 1 };
  if (failure.status === 422) sendJson(res, 200, recordInfoNull);
  else if (failure.status === 429) {
    sendJson(res, 429, { code: 429, message: "Rate limited: too many requests" });
  } else sendJson(res, 500, { code: 500, message: "Internal server error" });
  return true;
}

// GET /api/v1/jobs/recordInfo?taskId= — read a task's state and result
export function handleRecordInfo(
  ctx: SimulatorContext,
  req: IncomingMessage,
  res: ServerResponse,
  query: URLSearchParams,
) {
  ctx.stats.recordInfoCalls++;
  const apiKey = authenticate(req, ctx.settings);
  if (!apiKey) return sendBodyError(res, 401, unauthorizedMsg, "message");
  const limit = ctx.settings.recordInfoRateLimit;
  if (limit && !ctx.recordLimiter.allow(apiKey, limit)) {
    ctx.stats.rateLimited++;
    return sendJson(res, 429, { code: 429, message: "Rate limited: too many requests" });
  }
  const taskId = query.get("taskId")?.trim();
  if (!taskId) return sendBodyError(res, 400, "taskId parameter is required", "message");
  if (answerConfiguredFailure(ctx, res)) return;
  const task = ctx.store.get(taskId);
  if (!task) return sendJson(res, 200, { code: 404, message: "Task not found" });
  const now = Date.now();
  if (now - task.createTime < ctx.settings.recordInfoNullMs) {
    return sendJson(res, 200, recordInfoNull);
  }
  finishIfDue(ctx, task, now);
  sendJson(res, 200, {
    code: 200,
    msg: "success",
    data: viewTask(task, resultUrl(ctx, task), now),
  });
}
