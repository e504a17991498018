import "server-only";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { Prisma } from "@/lib/generated/prisma/client";
import { hashCallbackToken } from "@/lib/generations/callback-token";
import { nextPollDelayMs } from "@/lib/generations/poll-schedule";
import { publishChange } from "@/lib/generations/publish";
import { isFinal } from "@/lib/generations/state-machine";
import { enqueue } from "@/lib/jobs/jobs";
import { parseCallbackBody, verifyCallbackSignature } from "@/lib/kie/callback";
import { webhookHmacKeyFor } from "@/lib/kie-account/kie-client-for";

export type CallbackResult =
  | { ok: true; duplicate: boolean }
  | { ok: false; status: 400 | 401 | 404 | 409; error: string };

/**
 * Takes kie.ai's "task finished" callback as a signal: checks the per-submission token (and the
 * signature when signing is on), records it, and queues a sync that reads the truth from
 * recordInfo. Cheap, so kie.ai gets its 2xx within milliseconds.
 */
export async function receiveCallback(args: {
  token: string | null;
  rawBody: string;
  timestamp: string | null;
  signature: string | null;
}): Promise<CallbackResult> {
  if (!args.token) return { ok: false, status: 401, error: "missing_token" };
  const parsed = parseCallbackBody(args.rawBody);
  if (!parsed.ok) return { ok: false, status: 400, error: parsed.error };
  const { taskId, creditsConsumed, state } = parsed.callback;
  if (!taskId) return { ok: false, status: 400, error: "missing_task_id" };

  const g = await db.generation.findUnique({
    where: { callbackTokenHash: hashCallbackToken(args.token) },
    select: { id: true, workspaceId: true, state: true, providerTaskId: true, deletedAt: true },
  });
  if (!g) return { ok: false, status: 404, error: "unknown_task" };

  const hmacKey = await webhookHmacKeyFor(g.workspaceId);
  if (hmacKey) {
    const check = verifyCallbackSignature({
      taskId,
      timestamp: args.timestamp,
      signature: args.signature,
      key: hmacKey,
    });
    if (check !== "ok") return { ok: false, status: 401, error: `signature_${check}` };
  }
  if (g.providerTaskId && g.providerTaskId !== taskId) {
    return { ok: false, status: 409, error: "task_mismatch" };
  }
  // Deleted by a person, or already final: kie.ai is answered, and nothing follows.
  if (isFinal(g.state) || g.deletedAt) {
    await recordCallback(g.id, taskId, state, args.rawBody);
    return { ok: true, duplicate: true };
  }

  if (!g.providerTaskId) {
    // A submission whose createTask answer never arrived: the token proves this task is ours —
    // unless the task id is another generation's. kie.ai never sends that (each task's callback
    // URL carries that task's own token), so it is refused with a 409 and nothing is written.
    const owner = await db.generation.findUnique({
      where: { providerTaskId: taskId },
      select: { id: true },
    });
    if (owner) return { ok: false, status: 409, error: "task_mismatch" };
    const claimed = await claimTask(g.id, taskId);
    if (claimed === "taken") return { ok: false, status: 409, error: "task_mismatch" };
    if (claimed === "claimed") {
      await enqueue(
        "sync",
        { generationId: g.id, reason: "poll" },
        { runAt: new Date(Date.now() + nextPollDelayMs(60_000, env().RECONCILE_SCALE)) },
      );
      publishChange({ id: g.id, workspaceId: g.workspaceId, state: "waiting" });
    }
  }
  await recordCallback(g.id, taskId, state, args.rawBody);
  await enqueue("sync", { generationId: g.id, reason: "callback", creditsConsumed });
  return { ok: true, duplicate: false };
}

/**
 * Sets the task id of a submission whose createTask answer never arrived. "taken": another
 * generation claimed that task id in the meantime (the unique index refused it).
 */
async function claimTask(
  generationId: string,
  taskId: string,
): Promise<"claimed" | "already" | "taken"> {
  try {
    const claimed = await db.generation.updateMany({
      where: {
        id: generationId,
        providerTaskId: null,
        state: { in: ["submitting", "error"] },
        deletedAt: null,
      },
      data: {
        providerTaskId: taskId,
        state: "waiting",
        submitStatus: null,
        failCode: null,
        failMsg: null,
      },
    });
    return claimed.count === 1 ? "claimed" : "already";
  } catch (e) {
    if (e instanceof Prisma.PrismaClientKnownRequestError && e.code === "P2002") return "taken";
    throw e;
  }
}

/**
 * Keeps one callback per generation and state, for the audit: kie.ai may deliver the same one
 * many times, and a replay tells nothing the first did not (recordInfo is read for the truth).
 */
async function recordCallback(
  generationId: string,
  taskId: string,
  state: string | null,
  payload: string,
): Promise<void> {
  const seen = await db.providerEvent.findFirst({
    where: { generationId, source: "callback", state },
    select: { id: true },
  });
  if (seen) return;
  await db.providerEvent.create({
    data: { generationId, taskId, source: "callback", state, payload },
  });
}
