import "server-only";
import { db } from "@/lib/db";
import { AppError, isAppError } from "@/lib/errors";
import { deleteGeneration } from "@/lib/generations/delete-generation";
import { shotTakeIdsOrThrow, shotTakesWhere } from "@/lib/generations/shot-takes";
import type { Role } from "@/lib/workspaces/roles";

interface DeleteArgs {
  workspaceId: string;
  actor: { id: string; email: string };
  role: Role;
}

/**
 * "Delete the others": once a take is chosen, the rest of its shot go in one step, each under
 * the usual rules (own takes, or an admin; never one kie.ai is still making). What could not go
 * stays, and the answer counts it so the person hears why.
 */
export async function deleteOtherTakes(
  args: DeleteArgs & { generationId: string },
): Promise<{ deleted: number; kept: number }> {
  const g = await db.generation.findFirst({
    where: { id: args.generationId, workspaceId: args.workspaceId, deletedAt: null },
    select: { id: true, shotId: true },
  });
  if (!g) throw new AppError("not_found", "Video not found");
  const others = await db.generation.findMany({
    where: { AND: [shotTakesWhere(args.workspaceId, g.shotId ?? g.id), { id: { not: g.id } }] },
    select: { id: true },
    orderBy: { take: "asc" },
  });
  return deleteEach(
    args,
    others.map((o) => o.id),
  );
}

/** Deletes a whole shot, take by take under the same rules, answering as "Delete the others" does. */
export async function deleteShot(
  args: DeleteArgs & { shotId: string },
): Promise<{ deleted: number; kept: number }> {
  return deleteEach(args, await shotTakeIdsOrThrow(args.workspaceId, args.shotId));
}

async function deleteEach(
  args: DeleteArgs,
  ids: string[],
): Promise<{ deleted: number; kept: number }> {
  let deleted = 0;
  let kept = 0;
  let refusal: AppError | null = null;
  for (const id of ids) {
    try {
      await deleteGeneration({ ...args, generationId: id });
      deleted++;
    } catch (e) {
      if (!isAppError(e)) throw e;
      // Deleted by someone else meanwhile: already what was asked.
      if (e.code === "not_found") continue;
      kept++;
      refusal ??= e;
    }
  }
  // Nothing went although something should have: the first reason is the answer.
  if (deleted === 0 && refusal) throw refusal;
  return { deleted, kept };
}
