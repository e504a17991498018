import "server-only";
import type { CollectionWithMembership } from "@/lib/collections/dto";
import { db } from "@/lib/db";
import { shotTakesWhere } from "@/lib/generations/shot-takes";

/**
 * A workspace's collections by name, with their sizes; with `generationId`, also whether each
 * one holds that video (for the "add to collection" menu); with `shotId`, whether each holds
 * every take of that shot.
 */
export async function listCollections(args: {
  workspaceId: string;
  generationId?: string;
  shotId?: string;
}): Promise<CollectionWithMembership[]> {
  const shotIds = args.shotId
    ? (
        await db.generation.findMany({
          where: shotTakesWhere(args.workspaceId, args.shotId),
          select: { id: true },
          take: 16,
        })
      ).map((g) => g.id)
    : null;
  const member = args.generationId ? [args.generationId] : shotIds;
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
      ...(member && {
        items: { where: { generationId: { in: member } }, select: { generationId: true } },
      }),
    },
  });
  return rows.map((r) => ({
    id: r.id,
    name: r.name,
    itemCount: r._count.items,
    createdAt: r.createdAt.toISOString(),
    createdById: r.createdById,
    contains:
      member !== null &&
      member.length > 0 &&
      "items" in r &&
      Array.isArray(r.items) &&
      r.items.length === member.length,
  }));
}
