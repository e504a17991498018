import "server-only";
import { randomUUID } from "node:crypto";
import { recordAudit } from "@/lib/audit/record-audit";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { Prisma } from "@/lib/generated/prisma/client";
import { newCallbackToken } from "@/lib/generations/callback-token";
import type { GenerationDto } from "@/lib/generations/dto";
import { getGeneration } from "@/lib/generations/get-generation";
import { publishChange } from "@/lib/generations/publish";
import { type HeldJob, hold, runHeld } from "@/lib/jobs/jobs";
import { checkPrompt, HAILUO_PRO_MODEL } from "@/lib/kie/prompt";
import { checkBudget } from "@/lib/kie-account/check-budget";
import { logger } from "@/lib/logger";

/**
 * Generate: the row is written before kie.ai is called, so nothing the person typed is lost
 * whatever happens next; the same idempotency key always yields the same generation. Answers as
 * soon as the row is committed; kie.ai is asked in the background.
 */
export async function createGeneration(args: {
  workspace: { id: string; slug: string };
  authorId: string;
  prompt: string;
  promptOptimizer: boolean;
  idempotencyKey: string;
}): Promise<GenerationDto> {
  const check = checkPrompt(args.prompt);
  if (!check.ok) {
    throw new AppError("invalid_input", "The prompt cannot be used", { prompt: check.problem });
  }
  const ref = { workspaceId: args.workspace.id, workspaceSlug: args.workspace.slug };

  let held: { id: string; job: HeldJob };
  try {
    held = await db.$transaction(async (tx) => {
      const g = await tx.generation.create({
        data: {
          workspaceId: args.workspace.id,
          authorId: args.authorId,
          prompt: args.prompt,
          promptOptimizer: args.promptOptimizer,
          model: HAILUO_PRO_MODEL,
          state: "submitting",
          idempotencyKey: args.idempotencyKey,
          // Replaced by each submission attempt's own token.
          callbackTokenHash: newCallbackToken().hash,
        },
        select: { id: true },
      });
      // Before kie.ai is called; refusing rolls the row back.
      await checkBudget({
        tx,
        workspaceId: args.workspace.id,
        authorId: args.authorId,
        newGenerationId: g.id,
      });
      // Held by this request, committed with the row: whatever happens after the commit, the
      // job is there for a worker to finish.
      return { id: g.id, job: await hold("submit", { generationId: g.id }, tx) };
    });
  } catch (e) {
    if (e instanceof Prisma.PrismaClientKnownRequestError && e.code === "P2002") {
      const existing = await db.generation.findUnique({
        where: {
          workspaceId_idempotencyKey: {
            workspaceId: args.workspace.id,
            idempotencyKey: args.idempotencyKey,
          },
        },
        select: { id: true },
      });
      if (existing) return getGeneration({ ...ref, id: existing.id });
    }
    throw e;
  }
  const { id } = held;
  publishChange({ id, workspaceId: args.workspace.id, state: "submitting" });
  const author = await db.user.findUnique({
    where: { id: args.authorId },
    select: { email: true },
  });
  await recordAudit({
    workspaceId: args.workspace.id,
    actor: author && { id: args.authorId, email: author.email },
    action: "generation.created",
    target: { type: "generation", id },
    details: { prompt: args.prompt.slice(0, 120) },
  });
  // Sent to kie.ai in the background: the press is answered now, whatever kie.ai does, and the
  // person's next idea need not wait for this one. The job is held by this process; should it
  // stop before the job ends, a worker takes it over once the lease runs out, and SIGTERM waits
  // for it as for any running job. The gallery hears how it goes as it happens.
  void runHeld(held.job).catch((e: unknown) =>
    logger.warn({ generation: id, err: String(e) }, "submission run failed"),
  );
  return getGeneration({ ...ref, id });
}

/** A new idempotency key for generations the server starts itself (Retry of a failed one). */
export function serverIdempotencyKey(): string {
  return `server-${randomUUID()}`;
}
