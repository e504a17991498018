import "server-only";
import {
  collectionInWorkspaceOrThrow,
  generationInWorkspaceOrThrow,
} from "@/lib/collections/find-in-workspace";
import { db } from "@/lib/db";

/** Puts a video of the workspace into one of its collections; adding it twice is a no-op. */
export async function addToCollection(args: {
  workspaceId: string;
  collectionId: string;
  generationId: string;
}): Promise<{ collectionId: string; generationId: string }> {
  await collectionInWorkspaceOrThrow(args.workspaceId, args.collectionId);
  await generationInWorkspaceOrThrow(args.workspaceId, args.generationId);
  const key = { collectionId: args.collectionId, generationId: args.generationId };
  await db.collectionItem.upsert({
    where: { collectionId_generationId: key },
    create: key,
    update: {},
  });
  return key;
}
