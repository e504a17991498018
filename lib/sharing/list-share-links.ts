import "server-only";
import { db } from "@/lib/db";
import type { ShareLinkDto } from "@/lib/sharing/dto";
import { shareLinkDtoSelect, toShareLinkDto } from "@/lib/sharing/to-dto";

/** A workspace's share links, newest first (the most recent 500), with their view counts. */
export async function listShareLinks(args: {
  workspaceId: string;
  generationId?: string;
  collectionId?: string;
  shotId?: string;
}): Promise<ShareLinkDto[]> {
  const rows = await db.shareLink.findMany({
    where: {
      workspaceId: args.workspaceId,
      ...(args.generationId && { generationId: args.generationId }),
      ...(args.collectionId && { collectionId: args.collectionId }),
      ...(args.shotId && { shotId: args.shotId }),
    },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: 500,
    select: shareLinkDtoSelect,
  });
  const creatorIds = [...new Set(rows.map((r) => r.createdById))];
  const creators = await db.user.findMany({
    where: { id: { in: creatorIds } },
    select: { id: true, email: true },
  });
  const byId = new Map(creators.map((u) => [u.id, u]));
  return rows.map((r) => toShareLinkDto(r, byId));
}
