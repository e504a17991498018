import "server-only";
import { collectionInWorkspaceOrThrow } from "@/lib/collections/find-in-workspace";
import { db } from "@/lib/db";
import { shotTakeIdsOrThrow } from "@/lib/generations/shot-takes";

/**
 * Puts every take of a shot into one of the workspace's collections, or takes them all out;
 * a take already there (or already gone) is left as it is.
 */
export async function collectShot(args: {
  workspaceId: string;
  collectionId: string;
  shotId: string;
  add: boolean;
}): Promise<{ collectionId: string; generationIds: string[] }> {
  await collectionInWorkspaceOrThrow(args.workspaceId, args.collectionId);
  const ids = await shotTakeIdsOrThrow(args.workspaceId, args.shotId);
  if (args.add) {
    await db.$transaction(
      ids.map((generationId) => {
        const key = { collectionId: args.collectionId, generationId };
        return db.collectionItem.upsert({
          where: { collectionId_generationId: key },
          create: key,
          update: {},
        });
      }),
    );
  } else {
    await db.collectionItem.deleteMany({
      where: { collectionId: args.collectionId, generationId: { in: ids } },
    });
  }
  return { collectionId: args.collectionId, generationIds: ids };
}
