import "server-only";
import { db } from "@/lib/db";

/** Counts one view of a link's page (media requests are not views). */
export async function recordShareView(shareLinkId: string): Promise<void> {
  await db.shareLink.update({
    where: { id: shareLinkId },
    data: { views: { increment: 1 } },
    select: { id: true },
  });
}
