import "server-only";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import type { OpenShareLink } from "@/lib/sharing/resolve-share-link";
import { sharedVideosWhere } from "@/lib/sharing/shared-videos";

/** The storage key of a video or poster the link shares; anything else is simply not found. */
export async function getSharedMediaKey(args: {
  link: OpenShareLink;
  generationId: string;
  kind: "video" | "poster";
}): Promise<string> {
  const g = await db.generation.findFirst({
    where: { AND: [sharedVideosWhere(args.link), { id: args.generationId }] },
    select: { mediaKey: true, posterKey: true },
  });
  const key = args.kind === "video" ? g?.mediaKey : g?.posterKey;
  if (!key) throw new AppError("not_found", "Not found");
  return key;
}
