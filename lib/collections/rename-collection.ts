import "server-only";
import { duplicateName } from "@/lib/collections/create-collection";
import { collectionInWorkspaceOrThrow } from "@/lib/collections/find-in-workspace";
import { db } from "@/lib/db";

export async function renameCollection(args: {
  workspaceId: string;
  collectionId: string;
  name: string;
}): Promise<{ id: string; name: string }> {
  await collectionInWorkspaceOrThrow(args.workspaceId, args.collectionId);
  try {
    return await db.collection.update({
      where: { id: args.collectionId },
      data: { name: args.name },
      select: { id: true, name: true },
    });
  } catch (e) {
    throw duplicateName(e) ?? e;
  }
}
