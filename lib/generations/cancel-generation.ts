import "server-only";
import { recordAudit } from "@/lib/audit/record-audit";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import type { GenerationDto } from "@/lib/generations/dto";
import { FAIL_CODE } from "@/lib/generations/fail-codes";
import { getGeneration } from "@/lib/generations/get-generation";
import { publishChange } from "@/lib/generations/publish";
import { removeJob } from "@/lib/jobs/jobs";
import { can } from "@/lib/workspaces/permissions";
import type { Role } from "@/lib/workspaces/roles";

/**
 * Cancels a take that has not been sent to kie.ai yet (waiting for room under kie.ai's
 * allowance, or to be sent again after kie.ai asked it to wait): it ends as cancelled, costs
 * nothing, and can be retried or deleted like any failure. Once a createTask is on its way the
 * take can no longer be called back, and the answer says so.
 */
export async function cancelGeneration(args: {
  workspace: { id: string; slug: string };
  actor: { id: string; email: string };
  role: Role;
  generationId: string;
}): Promise<GenerationDto> {
  const g = await db.generation.findFirst({
    where: { id: args.generationId, workspaceId: args.workspace.id, deletedAt: null },
    select: { id: true, authorId: true, prompt: true },
  });
  if (!g) throw new AppError("not_found", "Generation not found");
  if (g.authorId !== args.actor.id && !can(args.role, "generation.manage-any")) {
    throw new AppError("forbidden", "Only admins can cancel other people's generations");
  }
  const cancelled = await db.$transaction(async (tx) => {
    // Conditional on nothing having been sent: the submit job marks a take "sending" the same
    // way before it calls kie.ai, so exactly one of the two wins.
    const ended = await tx.generation.updateMany({
      where: {
        id: g.id,
        state: "submitting",
        providerTaskId: null,
        deletedAt: null,
        OR: [{ submitStatus: null }, { submitStatus: { in: ["held", "queued"] } }],
      },
      data: {
        state: "error",
        submitStatus: null,
        failCode: FAIL_CODE.cancelled,
        failMsg: null,
        finishedAt: new Date(),
      },
    });
    if (ended.count !== 1) return false;
    await removeJob("submit", { generationId: g.id }, tx);
    return true;
  });
  if (!cancelled) {
    throw new AppError(
      "conflict",
      "This take has already been sent to kie.ai, so it can no longer be cancelled",
    );
  }
  publishChange({ id: g.id, workspaceId: args.workspace.id, state: "error" });
  await recordAudit({
    workspaceId: args.workspace.id,
    actor: args.actor,
    action: "generation.cancelled",
    target: { type: "generation", id: g.id },
    details: { prompt: g.prompt.slice(0, 120) },
  });
  return getGeneration({
    workspaceId: args.workspace.id,
    workspaceSlug: args.workspace.slug,
    id: g.id,
  });
}
