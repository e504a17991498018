import "server-only";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";

/** The storage key of a generation's video or poster, for members of its workspace only. */
export async function getMediaKey(args: {
  workspaceId: string;
  id: string;
  kind: "video" | "poster";
}): Promise<string> {
  const g = await db.generation.findFirst({
    where: { id: args.id, workspaceId: args.workspaceId },
    select: { mediaKey: true, posterKey: true },
  });
  const key = args.kind === "video" ? g?.mediaKey : g?.posterKey;
  if (!key) throw new AppError("not_found", "No stored media");
  return key;
}
