import "server-only";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import type { Prisma } from "@/lib/generated/prisma/client";

/** The takes of one shot (a generation made alone is its own shot, also from before takes). */
export function shotTakesWhere(workspaceId: string, shotId: string): Prisma.GenerationWhereInput {
  return {
    workspaceId,
    deletedAt: null,
    OR: [{ shotId }, { id: shotId, shotId: null }],
  };
}

/** The ids of a shot's takes still in the gallery, take 1 first; not_found when none is. */
export async function shotTakeIdsOrThrow(workspaceId: string, shotId: string): Promise<string[]> {
  const rows = await db.generation.findMany({
    where: shotTakesWhere(workspaceId, shotId),
    select: { id: true },
    orderBy: { take: "asc" },
    take: 16,
  });
  if (rows.length === 0) throw new AppError("not_found", "Shot not found");
  return rows.map((r) => r.id);
}
