import "server-only";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";

/** A collection of this workspace, or not_found (another workspace's id included). */
export async function collectionInWorkspaceOrThrow(workspaceId: string, collectionId: string) {
  const c = await db.collection.findFirst({
    where: { id: collectionId, workspaceId },
    select: { id: true, name: true },
  });
  if (!c) throw new AppError("not_found", "Collection not found");
  return c;
}

/** A generation of this workspace, or not_found. */
export async function generationInWorkspaceOrThrow(workspaceId: string, generationId: string) {
  const g = await db.generation.findFirst({
    where: { id: generationId, workspaceId, deletedAt: null },
    select: { id: true },
  });
  if (!g) throw new AppError("not_found", "Video not found");
  return g;
}
