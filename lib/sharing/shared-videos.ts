import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";
import { shotTakesWhere } from "@/lib/generations/shot-takes";
import type { OpenShareLink } from "@/lib/sharing/resolve-share-link";

// The most a collection or gallery page shows; a gallery bigger than this shows its newest.
export const SHARED_VIDEOS_MAX = 200;

/**
 * Which generations a link shares: ready videos with stored media, inside the link's own
 * workspace, and within its target. Every public read goes through this filter.
 */
export function sharedVideosWhere(link: OpenShareLink): Prisma.GenerationWhereInput {
  const ready: Prisma.GenerationWhereInput = {
    workspaceId: link.workspaceId,
    state: "success",
    mediaKey: { not: null },
    deletedAt: null,
  };
  switch (link.targetType) {
    case "generation":
      return { ...ready, id: link.generationId ?? "" };
    case "collection":
      return { ...ready, collectionItems: { some: { collectionId: link.collectionId ?? "" } } };
    case "shot":
      return { AND: [ready, shotTakesWhere(link.workspaceId, link.shotId ?? "")] };
    case "gallery":
      return ready;
    default:
      return { id: "" };
  }
}
