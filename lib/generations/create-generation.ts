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
import { MAX_TAKES } from "@/lib/generations/takes";
import { afterResponse } from "@/lib/http/after-response";
import { sourceImageUrl } from "@/lib/images/source-image-dto";
import { type HeldJob, hold, runHeld } from "@/lib/jobs/jobs";
import {
  checkChoice,
  DEFAULT_MODEL,
  type Duration,
  describeChoiceProblems,
  estimateCredits,
  type ModelId,
  type Resolution,
} from "@/lib/kie/models";
import { checkBudget } from "@/lib/kie-account/check-budget";
import { logger } from "@/lib/logger";

/**
 * Generate: the rows are written before kie.ai is called, so nothing the person typed is lost
 * whatever happens next; the same idempotency key always yields the same takes. Answers as soon
 * as the rows are committed; kie.ai is asked in the background, one task per take.
 */
export async function createTakes(args: {
  workspace: { id: string; slug: string };
  authorId: string;
  prompt: string;
  promptOptimizer: boolean;
  /** The model (the studio's default when none), and the length and size where it offers a choice. */
  model?: ModelId;
  duration?: Duration;
  resolution?: Resolution;
  /** Stored images of this workspace (POST /api/w/:slug/images) to start and end on. */
  startImageId?: string;
  endImageId?: string;
  idempotencyKey: string;
  /** How many takes of the shot, 1 to MAX_TAKES. */
  takes: number;
}): Promise<GenerationDto[]> {
  // Checked against the model before anything is written or spent; the optimizer setting is kept
  // as chosen (and sent only to models that take it).
  const model = args.model ?? DEFAULT_MODEL;
  const images = await workspaceImages(args.workspace, [args.startImageId, args.endImageId]);
  const choice = {
    model,
    prompt: args.prompt,
    duration: args.duration,
    resolution: args.resolution,
    imageUrl: args.startImageId && images.get(args.startImageId),
    endImageUrl: args.endImageId && images.get(args.endImageId),
  };
  const checked = checkChoice(choice);
  if (!checked.ok) {
    throw new AppError(
      "invalid_input",
      describeChoiceProblems(choice, checked.problems),
      checked.problems,
    );
  }
  if (!Number.isInteger(args.takes) || args.takes < 1 || args.takes > MAX_TAKES) {
    throw new AppError("invalid_input", `Takes must be 1 to ${MAX_TAKES}`, { takes: "range" });
  }
  const ref = { workspaceId: args.workspace.id, workspaceSlug: args.workspace.slug };

  // Read before the transaction. On SQLite every query shares one connection, so whatever runs
  // while a transaction is open joins it: the insert comes first, so a replayed press fails on
  // its duplicate key at once, before the first press's own writes could land in it and be
  // rolled back with it.
  const workspace = await db.workspace.findUniqueOrThrow({
    where: { id: args.workspace.id },
    select: { contentFilter: true },
  });
  let held: { id: string; job: HeldJob }[];
  try {
    held = await db.$transaction(async (tx) => {
      // The last take first: the gallery lists the newest first, so take 1 comes out ahead.
      const rows: { id: string }[] = [];
      for (let take = args.takes; take >= 1; take--) {
        rows.unshift(
          await tx.generation.create({
            data: {
              workspaceId: args.workspace.id,
              authorId: args.authorId,
              prompt: args.prompt,
              promptOptimizer: args.promptOptimizer,
              model,
              duration: checked.duration,
              resolution: checked.resolution,
              contentFilter: workspace.contentFilter,
              startImageId: args.startImageId ?? null,
              endImageId: args.endImageId ?? null,
              estimatedCredits: estimateCredits(model, checked.duration, checked.resolution),
              state: "submitting",
              idempotencyKey: args.idempotencyKey,
              take,
              takeCount: args.takes,
              // Replaced by each submission attempt's own token.
              callbackTokenHash: newCallbackToken().hash,
            },
            select: { id: true },
          }),
        );
      }
      const [first] = rows;
      if (!first) throw new Error("a press makes at least one take");
      // The first take names the shot.
      await tx.generation.updateMany({
        where: { id: { in: rows.map((r) => r.id) } },
        data: { shotId: first.id },
      });
      // Before kie.ai is called, for all the takes at once: refusing rolls every row back.
      await checkBudget({
        tx,
        workspaceId: args.workspace.id,
        authorId: args.authorId,
        newGenerationIds: rows.map((r) => r.id),
      });
      // Held by this request, committed with the rows: whatever happens after the commit, the
      // jobs are there for a worker to finish.
      const jobs: { id: string; job: HeldJob }[] = [];
      for (const { id } of rows) {
        jobs.push({ id, job: await hold("submit", { generationId: id }, tx) });
      }
      return jobs;
    });
  } catch (e) {
    if (e instanceof Prisma.PrismaClientKnownRequestError && e.code === "P2003") {
      // Its image was cleared away as unused between the check above and the insert (an editor
      // left open for a day).
      throw new AppError("invalid_input", "The image is not in this workspace; add it again", {
        image: "not_found",
      });
    }
    if (e instanceof Prisma.PrismaClientKnownRequestError && e.code === "P2002") {
      // The same press again (a double click, a replayed request): what it made the first time.
      const existing = await db.generation.findMany({
        where: { workspaceId: args.workspace.id, idempotencyKey: args.idempotencyKey },
        orderBy: { take: "asc" },
        select: { id: true },
      });
      if (existing.length > 0) {
        return Promise.all(existing.map(({ id }) => getGeneration({ ...ref, id })));
      }
    }
    throw e;
  }
  for (const { id } of held) {
    publishChange({ id, workspaceId: args.workspace.id, state: "submitting" });
  }
  const author = await db.user.findUnique({
    where: { id: args.authorId },
    select: { email: true },
  });
  for (const { id } of held) {
    await recordAudit({
      workspaceId: args.workspace.id,
      actor: author && { id: args.authorId, email: author.email },
      action: "generation.created",
      target: { type: "generation", id },
      details: {
        prompt: args.prompt.slice(0, 120),
        ...(args.takes > 1 && { takes: String(args.takes) }),
      },
    });
  }
  // Sent to kie.ai in the background: the press is answered now, whatever kie.ai does, and the
  // person's next idea need not wait for this one. Each job is held by this process; should it
  // stop before a job ends, a worker takes it over once the lease runs out, and SIGTERM waits
  // for it as for any running job. kie.ai's allowance for new tasks is counted in the database:
  // a take that meets it waits its turn there. The gallery hears how each goes as it happens.
  // The answer is read first, so the sending doesn't queue ahead of it on the database.
  // The sending starts once the answer has gone out (on SQLite every query holds the process).
  const answer = await Promise.all(held.map(({ id }) => getGeneration({ ...ref, id })));
  afterResponse(() =>
    Promise.all(
      held.map(({ id, job }) =>
        runHeld(job).catch((e: unknown) =>
          logger.warn({ generation: id, err: String(e) }, "submission run failed"),
        ),
      ),
    ),
  );
  return answer;
}

/**
 * The studio's own URLs of the workspace's images among `ids`; an id that isn't one of its images
 * is refused, so no generation can point at another workspace's image.
 */
async function workspaceImages(
  workspace: { id: string; slug: string },
  ids: (string | undefined)[],
): Promise<Map<string, string>> {
  const wanted = ids.filter((id): id is string => Boolean(id));
  if (wanted.length === 0) return new Map();
  const found = await db.sourceImage.findMany({
    where: { id: { in: wanted }, workspaceId: workspace.id },
    select: { id: true },
  });
  const known = new Set(found.map((f) => f.id));
  const missing = wanted.find((id) => !known.has(id));
  if (missing) {
    throw new AppError("invalid_input", "The image is not in this workspace; add it again", {
      image: "not_found",
    });
  }
  return new Map(wanted.map((id) => [id, sourceImageUrl(workspace.slug, id)]));
}

/** One take: Generate with Takes at 1, and Retry of a failed generation. */
export async function createGeneration(
  args: Omit<Parameters<typeof createTakes>[0], "takes">,
): Promise<GenerationDto> {
  const [first] = await createTakes({ ...args, takes: 1 });
  if (!first) throw new Error("a press makes at least one take");
  return first;
}

/** A new idempotency key for generations the server starts itself (Retry of a failed one). */
export function serverIdempotencyKey(): string {
  return `server-${randomUUID()}`;
}
