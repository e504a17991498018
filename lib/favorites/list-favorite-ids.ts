import "server-only";
import { db } from "@/lib/db";

/** The ids of the videos of a workspace one person starred. */
export async function listFavoriteIds(args: {
  workspaceId: string;
  userId: string;
}): Promise<string[]> {
  const rows = await db.favorite.findMany({
    where: { userId: args.userId, generation: { workspaceId: args.workspaceId, deletedAt: null } },
    select: { generationId: true },
    take: 5000,
  });
  return rows.map((r) => r.generationId);
}
