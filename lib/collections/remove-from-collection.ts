import "server-only";
import { collectionInWorkspaceOrThrow } from "@/lib/collections/find-in-workspace";
import { db } from "@/lib/db";

/** Takes a video out of a collection (the video stays); removing it twice is a no-op. */
export async function removeFromCollection(args: {
  workspaceId: string;
  collectionId: string;
  generationId: string;
}): Promise<{ collectionId: string; generationId: string }> {
  await collectionInWorkspaceOrThrow(args.workspaceId, args.collectionId);
  await db.collectionItem.deleteMany({
    where: { collectionId: args.collectionId, generationId: args.generationId },
  });
  return { collectionId: args.collectionId, generationId: args.generationId };
}
