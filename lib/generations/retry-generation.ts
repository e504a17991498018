import "server-only";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { createGeneration, serverIdempotencyKey } from "@/lib/generations/create-generation";
import type { GenerationDto } from "@/lib/generations/dto";
import { getGeneration } from "@/lib/generations/get-generation";
import { publishChange } from "@/lib/generations/publish";
import { enqueue, hold, removeJob, runHeld, wakeWorker } from "@/lib/jobs/jobs";
import { isModelId, storedChoice } from "@/lib/kie/models";
import { checkBudget } from "@/lib/kie-account/check-budget";
import { can } from "@/lib/workspaces/permissions";
import type { Role } from "@/lib/workspaces/roles";

/**
 * Retry. A generation that never reached kie.ai (or whose outcome is unknown) is submitted
 * again in place; a generation kie.ai failed stays as it was, and a new one starts from its
 * prompt and optimizer setting. A video kie.ai made but the studio failed to save is fetched
 * again (kie.ai keeps results for about two weeks), at no new cost.
 */
export async function retryGeneration(args: {
  workspace: { id: string; slug: string };
  userId: string;
  /** The caller's role: resubmitting someone else's generation in place needs manage-any. */
  role: Role;
  generationId: string;
  /** Run before anything that sends kie.ai a createTask (Generate's rate limits). */
  beforeSubmit?: () => Promise<void>;
}): Promise<GenerationDto> {
  const g = await db.generation.findFirst({
    where: { id: args.generationId, workspaceId: args.workspace.id, deletedAt: null },
    select: {
      id: true,
      authorId: true,
      state: true,
      mediaState: true,
      prompt: true,
      promptOptimizer: true,
      model: true,
      duration: true,
      resolution: true,
      startImageId: true,
      endImageId: true,
    },
  });
  if (!g) throw new AppError("not_found", "Generation not found");

  if (g.state === "fail") {
    if (!isModelId(g.model)) {
      throw new AppError("conflict", `The studio no longer makes videos with ${g.model}`);
    }
    await args.beforeSubmit?.();
    return createGeneration({
      workspace: args.workspace,
      authorId: args.userId,
      prompt: g.prompt,
      promptOptimizer: g.promptOptimizer,
      ...storedChoice(g.model, g.duration, g.resolution),
      startImageId: g.startImageId ?? undefined,
      endImageId: g.endImageId ?? undefined,
      idempotencyKey: serverIdempotencyKey(),
    });
  }
  const unsaved = g.state === "success" && g.mediaState === "failed";
  // A second press that arrives once the first has queued the copy again: the same answer, and
  // still one fetch.
  const fetchingAgain = g.state === "success" && g.mediaState === "pending";
  if (g.state !== "error" && !unsaved && !fetchingAgain) {
    throw new AppError("conflict", "Only a failed generation can be retried");
  }
  if (g.authorId !== args.userId && !can(args.role, "generation.manage-any")) {
    throw new AppError("forbidden", "Only admins can retry other people's generations");
  }
  if (unsaved || fetchingAgain) {
    if (unsaved) await storeAgain(g.id, args.workspace.id);
    // Its copy is queued, or running — or was lost with a crash: queueing it again is a no-op for
    // a job that is there (one per video) and brings back one that is not.
    else await enqueue("store-media", { generationId: g.id });
    return getGeneration({
      workspaceId: args.workspace.id,
      workspaceSlug: args.workspace.slug,
      id: g.id,
    });
  }
  await args.beforeSubmit?.();
  // Conditional, so two Retry clicks resubmit once; the budget is checked again, and the job is
  // recorded with the reset, as for a new generation.
  const job = await db.$transaction(async (tx) => {
    const reset = await tx.generation.updateMany({
      where: { id: g.id, state: "error", deletedAt: null },
      // A task given up on after a day keeps no claim: the new attempt gets its own, and its own
      // clock for the reconciler's schedule and the 24-hour limit.
      data: {
        state: "submitting",
        submittedAt: new Date(),
        submitStatus: null,
        failCode: null,
        failMsg: null,
        providerTaskId: null,
        finishedAt: null,
      },
    });
    if (reset.count !== 1) return null;
    await checkBudget({
      tx,
      workspaceId: args.workspace.id,
      authorId: g.authorId,
      newGenerationIds: [g.id],
    });
    return hold("submit", { generationId: g.id }, tx);
  });
  if (job) {
    publishChange({ id: g.id, workspaceId: args.workspace.id, state: "submitting" });
    await runHeld(job);
  }
  return getGeneration({
    workspaceId: args.workspace.id,
    workspaceSlug: args.workspace.slug,
    id: g.id,
  });
}

/**
 * Queues the copy into storage again; conditional, so two clicks fetch the video once. The job
 * that gave up may not be gone yet (its row goes just after its last write): it is replaced, not
 * merely brought forward, which a row still locked by its finished run would refuse.
 */
async function storeAgain(generationId: string, workspaceId: string): Promise<void> {
  const queued = await db.$transaction(async (tx) => {
    const reset = await tx.generation.updateMany({
      where: { id: generationId, state: "success", mediaState: "failed", deletedAt: null },
      data: { mediaState: "pending", mediaError: null, mediaErrorCode: null },
    });
    if (reset.count !== 1) return false;
    await removeJob("store-media", { generationId }, tx);
    await enqueue("store-media", { generationId }, { tx });
    return true;
  });
  if (!queued) return;
  publishChange({ id: generationId, workspaceId, state: "success" });
  wakeWorker();
}
