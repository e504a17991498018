import "server-only";
import { db } from "@/lib/db";
import { startHousekeeping } from "@/lib/housekeeping";
import { logger } from "@/lib/logger";
import { mediaStorage } from "@/lib/storage";

// An image given but never used (the editor was left, another was chosen) goes after a day.
const UNUSED_FOR_MS = 24 * 60 * 60 * 1000;
const FIRST_RUN_MS = 90_000;
const EVERY_MS = 6 * 60 * 60 * 1000;

/** No video that is still there starts or ends on it. */
const unused = {
  startOf: { none: { deletedAt: null } },
  endOf: { none: { deletedAt: null } },
} as const;

/**
 * Removes images no video uses any more: among `ids` (the images of videos just deleted), or,
 * without them, every image older than a day that none uses. The row goes first, its file after:
 * a file left behind by a failure costs space, never a broken page.
 */
export async function removeUnusedImages(
  args: { ids?: string[]; now?: Date } = {},
): Promise<number> {
  const now = args.now ?? new Date();
  const ids = args.ids?.filter(Boolean);
  if (ids && ids.length === 0) return 0;
  const images = await db.sourceImage.findMany({
    where: ids
      ? { id: { in: ids }, ...unused }
      : { createdAt: { lt: new Date(now.getTime() - UNUSED_FOR_MS) }, ...unused },
    select: { id: true, key: true },
    take: 500,
  });
  let removed = 0;
  for (const image of images) {
    // Checked again as it goes: a press may have started on it meanwhile.
    const { count } = await db.sourceImage.deleteMany({ where: { id: image.id, ...unused } });
    if (count === 0) continue;
    removed += count;
    await mediaStorage()
      .delete(image.key)
      .catch((err: unknown) => {
        logger.warn({ image: image.id, err: String(err) }, "unused image's file not removed");
      });
  }
  return removed;
}

/** A minute and a half after the server starts, then every six hours. */
export function startUnusedImageRemoval(): void {
  startHousekeeping({
    name: "unused-image-removal",
    firstRunMs: FIRST_RUN_MS,
    everyMs: EVERY_MS,
    run: async () => {
      const removed = await removeUnusedImages();
      if (removed > 0) logger.info({ removed }, "unused images removed");
    },
    failed: "removing unused images failed",
  });
}
