import "server-only";
import { db } from "@/lib/db";

/** Whether this workspace had the generation and someone deleted it (rather than never had it). */
export async function wasDeleted(workspaceId: string, id: string): Promise<boolean> {
  const row = await db.generation.findFirst({
    where: { id, workspaceId, deletedAt: { not: null } },
    select: { id: true },
  });
  return row !== null;
}
