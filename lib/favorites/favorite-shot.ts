import "server-only";
import { db } from "@/lib/db";
import { shotTakeIdsOrThrow } from "@/lib/generations/shot-takes";

/** Stars or unstars every take of a shot for one person; `favorite` says which, so a retry is harmless. */
export async function favoriteShot(args: {
  workspaceId: string;
  userId: string;
  shotId: string;
  favorite: boolean;
}): Promise<{ generationIds: string[]; favorite: boolean }> {
  const ids = await shotTakeIdsOrThrow(args.workspaceId, args.shotId);
  if (args.favorite) {
    await db.$transaction(
      ids.map((generationId) => {
        const key = { userId: args.userId, generationId };
        return db.favorite.upsert({ where: { userId_generationId: key }, create: key, update: {} });
      }),
    );
  } else {
    await db.favorite.deleteMany({ where: { userId: args.userId, generationId: { in: ids } } });
  }
  return { generationIds: ids, favorite: args.favorite };
}
