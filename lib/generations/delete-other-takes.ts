import "server-only";
import { db } from "@/lib/db";
import { AppError, isAppError } from "@/lib/errors";
import { deleteGeneration } from "@/lib/generations/delete-generation";
import type { Role } from "@/lib/workspaces/roles";

/**
 * "Delete the others": once a take is chosen, the rest of its shot go in one step, each under
 * the usual rules (own takes, or an admin; never one kie.ai is still making). What could not go
 * stays, and the answer counts it so the person hears why.
 */
export async function deleteOtherTakes(args: {
  workspaceId: string;
  actor: { id: string; email: string };
  role: Role;
  generationId: string;
}): Promise<{ deleted: number; kept: number }> {
  const g = await db.generation.findFirst({
    where: { id: args.generationId, workspaceId: args.workspaceId, deletedAt: null },
    select: { id: true, shotId: true },
  });
  if (!g) throw new AppError("not_found", "Video not found");
  const others = await db.generation.findMany({
    where: {
      workspaceId: args.workspaceId,
      shotId: g.shotId ?? g.id,
      id: { not: g.id },
      deletedAt: null,
    },
    select: { id: true },
    orderBy: { take: "asc" },
  });
  let deleted = 0;
  let kept = 0;
  let refusal: AppError | null = null;
  for (const other of others) {
    try {
      await deleteGeneration({ ...args, generationId: other.id });
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
