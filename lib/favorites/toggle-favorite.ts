import "server-only";
import { generationInWorkspaceOrThrow } from "@/lib/collections/find-in-workspace";
import { db } from "@/lib/db";

/** Stars or unstars a video for one person; `favorite` says which, so a retry is harmless. */
export async function toggleFavorite(args: {
  workspaceId: string;
  userId: string;
  generationId: string;
  favorite: boolean;
}): Promise<{ generationId: string; favorite: boolean }> {
  await generationInWorkspaceOrThrow(args.workspaceId, args.generationId);
  const key = { userId: args.userId, generationId: args.generationId };
  if (args.favorite) {
    await db.favorite.upsert({ where: { userId_generationId: key }, create: key, update: {} });
  } else {
    await db.favorite.deleteMany({ where: key });
  }
  return { generationId: args.generationId, favorite: args.favorite };
}
