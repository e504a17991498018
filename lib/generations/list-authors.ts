import "server-only";
import { db } from "@/lib/db";

/** The people who made the workspace's generations, for the gallery's author filter. */
export async function listAuthors(workspaceId: string): Promise<{ id: string; email: string }[]> {
  const groups = await db.generation.groupBy({
    by: ["authorId"],
    where: { workspaceId, deletedAt: null },
  });
  if (groups.length === 0) return [];
  return db.user.findMany({
    where: { id: { in: groups.map((g) => g.authorId) } },
    select: { id: true, email: true },
    orderBy: { email: "asc" },
  });
}
