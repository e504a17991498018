import "server-only";
import type { SessionUser } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { logger } from "@/lib/logger";
import { mediaStorage } from "@/lib/storage";

/**
 * Deletes a team workspace with everything in it: generations, collections, share links,
 * invites, the audit log, and the stored videos and posters. A personal workspace stays.
 */
export async function deleteWorkspace(args: {
  workspace: { id: string; name: string; personal: boolean };
  actor: SessionUser;
  confirmName: string;
}): Promise<void> {
  if (args.workspace.personal) {
    throw new AppError("forbidden", "A personal workspace cannot be deleted");
  }
  if (args.confirmName.trim() !== args.workspace.name) {
    throw new AppError("invalid_input", "Type the workspace's name to confirm", {
      confirmName: "confirm_mismatch",
    });
  }
  const media = await db.generation.findMany({
    where: { workspaceId: args.workspace.id },
    select: { mediaKey: true, posterKey: true },
  });
  await db.workspace.delete({ where: { id: args.workspace.id } });
  // The workspace's own audit log goes with it, so the deletion is kept in the server log.
  logger.info({ workspaceId: args.workspace.id, actorId: args.actor.id }, "workspace deleted");
  const storage = mediaStorage();
  for (const key of media.flatMap((m) => [m.mediaKey, m.posterKey])) {
    if (!key) continue;
    await storage.delete(key).catch((err: unknown) => {
      logger.warn({ err, key }, "could not delete media of a deleted workspace");
    });
  }
}
