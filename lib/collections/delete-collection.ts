import "server-only";
import { collectionInWorkspaceOrThrow } from "@/lib/collections/find-in-workspace";
import { db } from "@/lib/db";

/** Deletes a collection (not its videos); its share links die with it. */
export async function deleteCollection(args: {
  workspaceId: string;
  collectionId: string;
}): Promise<{ id: string }> {
  await collectionInWorkspaceOrThrow(args.workspaceId, args.collectionId);
  await db.collection.delete({ where: { id: args.collectionId } });
  return { id: args.collectionId };
}
