import "server-only";
import { recordAudit } from "@/lib/audit/record-audit";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { publishChange } from "@/lib/generations/publish";
import { isInFlight } from "@/lib/generations/state-machine";
import { removeUnusedImages } from "@/lib/images/remove-unused-images";
import { removeJob } from "@/lib/jobs/jobs";
import { logger } from "@/lib/logger";
import { mediaStorage } from "@/lib/storage";
import { can } from "@/lib/workspaces/permissions";
import type { Role } from "@/lib/workspaces/roles";

/**
 * Deletes a generation: gone from the gallery, its collections, favourites and share links, its
 * stored video and poster removed. The row itself stays, hidden, so this month's budget still
 * counts what it cost. The author may delete their own; admins anyone's.
 */
export async function deleteGeneration(args: {
  workspaceId: string;
  actor: { id: string; email: string };
  role: Role;
  generationId: string;
}): Promise<void> {
  const g = await db.generation.findFirst({
    where: { id: args.generationId, workspaceId: args.workspaceId, deletedAt: null },
    select: {
      id: true,
      authorId: true,
      state: true,
      submitStatus: true,
      mediaState: true,
      mediaKey: true,
      posterKey: true,
      startImageId: true,
      endImageId: true,
      prompt: true,
    },
  });
  if (!g) throw new AppError("not_found", "Video not found");
  if (g.authorId !== args.actor.id && !can(args.role, "generation.manage-any")) {
    throw new AppError("forbidden", "Only admins can delete other people's videos");
  }
  // kie.ai is still working on it, or the studio is still saving the result (the gallery's
  // "saving": no outcome of the copy yet): deleting now would leave a task (and its charge)
  // running for a row no one can see.
  const making = g.state === "submitting" || isInFlight(g.state);
  const saving = g.state === "success" && (g.mediaState === "pending" || g.mediaState === null);
  // A submission whose answer never came may be running at kie.ai, but nothing the studio does
  // will bring it back: it may go, and a late callback for it is ignored.
  const unknown = g.submitStatus === "unknown";
  if ((making && !unknown) || saving) {
    throw new AppError(
      "conflict",
      "This video is still being made. Delete it once it has finished.",
    );
  }

  const deleted = await db.$transaction(async (tx) => {
    const hidden = await tx.generation.updateMany({
      where: { id: g.id, deletedAt: null, mediaState: g.mediaState, state: g.state },
      data: { deletedAt: new Date(), mediaKey: null, posterKey: null, mediaState: null },
    });
    if (hidden.count !== 1) return false;
    await tx.collectionItem.deleteMany({ where: { generationId: g.id } });
    await tx.favorite.deleteMany({ where: { generationId: g.id } });
    await tx.shareLink.updateMany({
      where: { generationId: g.id, revokedAt: null },
      data: { revokedAt: new Date() },
    });
    const generationId = g.id;
    await removeJob("submit", { generationId }, tx);
    await removeJob("sync", { generationId, reason: "poll" }, tx);
    await removeJob("sync", { generationId, reason: "callback" }, tx);
    await removeJob("store-media", { generationId }, tx);
    return true;
  });
  // Changed meanwhile (a retry, a video arriving): the person sees the new state and decides.
  if (!deleted)
    throw new AppError("conflict", "This video changed just now. Look again, then delete it.");

  publishChange({ id: g.id, workspaceId: args.workspaceId, state: g.state });
  await recordAudit({
    workspaceId: args.workspaceId,
    actor: args.actor,
    action: "generation.deleted",
    target: { type: "generation", id: g.id },
    details: { prompt: g.prompt.slice(0, 120) },
  });
  // After the rows: a file left behind by a failure here costs space, never a broken page.
  const storage = mediaStorage();
  for (const key of [g.mediaKey, g.posterKey]) {
    if (!key) continue;
    await storage.delete(key).catch((err: unknown) => {
      logger.warn({ generation: g.id, err: String(err) }, "deleted video's file not removed");
    });
  }
  // Its images go with it, unless another video still starts or ends on them.
  await removeUnusedImages({
    ids: [g.startImageId, g.endImageId].filter((id): id is string => id !== null),
  }).catch((err: unknown) => {
    logger.warn({ generation: g.id, err: String(err) }, "deleted video's images not removed");
  });
}
