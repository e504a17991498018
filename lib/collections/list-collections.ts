import "server-only";
import type { CollectionWithMembership } from "@/lib/collections/dto";
import { db } from "@/lib/db";

/**
 * A workspace's collections by name, with their sizes; with `generationId`, also whether each
 * one holds that video (for the "add to collection" menu).
 */
export async function listCollections(args: {
  workspaceId: string;
  generationId?: string;
}): Promise<CollectionWithMembership[]> {
  const rows = await db.collection.findMany({
    where: { workspaceId: args.workspaceId },
    orderBy: [{ name: "asc" }],
    take: 500,
    select: {
      id: true,
      name: true,
      createdAt: true,
      createdById: true,
      _count: { select: { items: { where: { generation: { deletedAt: null } } } } },
      ...(args.generationId && {
        items: { where: { generationId: args.generationId }, select: { generationId: true } },
      }),
    },
  });
  return rows.map((r) => ({
    id: r.id,
    name: r.name,
    itemCount: r._count.items,
    createdAt: r.createdAt.toISOString(),
    createdById: r.createdById,
    contains: "items" in r && Array.isArray(r.items) && r.items.length > 0,
  }));
}
