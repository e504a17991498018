import "server-only";
import { recordAudit } from "@/lib/audit/record-audit";
import { hashPassword } from "@/lib/auth/password";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { shotTakesWhere } from "@/lib/generations/shot-takes";
import type { CreatedShareLink } from "@/lib/sharing/dto";
import { type CreateShareLinkInput, expiryDate } from "@/lib/sharing/schemas";
import { shareLinkDtoSelect, toShareLinkDto } from "@/lib/sharing/to-dto";
import { hashShareToken, newShareToken } from "@/lib/sharing/token";

export function shareUrl(token: string): string {
  return `${env().APP_URL}/s/${token}`;
}

/**
 * Makes a link to one ready video, a shot's takes, a collection or the whole gallery of a
 * workspace. The token
 * is returned once, inside the URL; only its SHA-256 is kept.
 */
export async function createShareLink(args: {
  workspaceId: string;
  actor: { id: string; email: string };
  input: Omit<CreateShareLinkInput, "workspaceSlug">;
}): Promise<CreatedShareLink> {
  const { input } = args;
  let generationId: string | null = null;
  let collectionId: string | null = null;
  let shotId: string | null = null;

  if (input.targetType === "generation") {
    const g = await db.generation.findFirst({
      where: { id: input.generationId, workspaceId: args.workspaceId, deletedAt: null },
      select: { id: true, state: true, mediaKey: true },
    });
    if (!g) throw new AppError("not_found", "Video not found");
    if (g.state !== "success" || !g.mediaKey) {
      throw new AppError("conflict", "Only a finished, stored video can be shared");
    }
    generationId = g.id;
  } else if (input.targetType === "collection") {
    const c = await db.collection.findFirst({
      where: { id: input.collectionId, workspaceId: args.workspaceId },
      select: { id: true },
    });
    if (!c) throw new AppError("not_found", "Collection not found");
    collectionId = c.id;
  } else if (input.targetType === "shot") {
    const takes = await db.generation.findMany({
      where: shotTakesWhere(args.workspaceId, input.shotId ?? ""),
      select: { id: true, shotId: true, state: true, mediaKey: true },
      take: 16,
    });
    if (takes.length === 0) throw new AppError("not_found", "Shot not found");
    if (!takes.some((g) => g.state === "success" && g.mediaKey)) {
      throw new AppError("conflict", "Only a shot with a finished, stored take can be shared");
    }
    shotId = takes[0]?.shotId ?? takes[0]?.id ?? null;
  }

  const token = newShareToken();
  const password = input.password?.trim() ? input.password : null;
  const row = await db.shareLink.create({
    data: {
      workspaceId: args.workspaceId,
      tokenHash: hashShareToken(token),
      targetType: input.targetType,
      generationId,
      collectionId,
      shotId,
      title: input.title?.trim() || null,
      showPrompt: input.showPrompt,
      allowDownload: input.allowDownload,
      passwordHash: password ? await hashPassword(password) : null,
      expiresAt: expiryDate(input),
      createdById: args.actor.id,
    },
    select: shareLinkDtoSelect,
  });

  await recordAudit({
    workspaceId: args.workspaceId,
    actor: args.actor,
    action: "share.created",
    target: { type: "share_link", id: row.id },
    details: {
      targetType: row.targetType,
      generationId,
      collectionId,
      shotId,
      expiresAt: row.expiresAt?.toISOString() ?? null,
      password: row.passwordHash !== null,
      allowDownload: row.allowDownload,
      showPrompt: row.showPrompt,
    },
  });

  return {
    link: toShareLinkDto(row, new Map([[args.actor.id, args.actor]])),
    url: shareUrl(token),
  };
}
