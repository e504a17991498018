import type { ShareLinkDto } from "@/lib/sharing/dto";
import { SHARE_TARGETS, type ShareTarget } from "@/lib/sharing/schemas";

export const shareLinkDtoSelect = {
  id: true,
  targetType: true,
  generationId: true,
  collectionId: true,
  shotId: true,
  title: true,
  showPrompt: true,
  allowDownload: true,
  passwordHash: true,
  expiresAt: true,
  revokedAt: true,
  views: true,
  createdAt: true,
  createdById: true,
  generation: { select: { prompt: true, deletedAt: true } },
  shot: { select: { prompt: true } },
  collection: { select: { name: true } },
} as const;

interface Row {
  id: string;
  targetType: string;
  generationId: string | null;
  collectionId: string | null;
  shotId: string | null;
  title: string | null;
  showPrompt: boolean;
  allowDownload: boolean;
  passwordHash: string | null;
  expiresAt: Date | null;
  revokedAt: Date | null;
  views: number;
  createdAt: Date;
  createdById: string;
  generation: { prompt: string; deletedAt: Date | null } | null;
  shot: { prompt: string } | null;
  collection: { name: string } | null;
}

export function shareLinkStatus(
  row: { revokedAt: Date | null; expiresAt: Date | null },
  now = new Date(),
): ShareLinkDto["status"] {
  if (row.revokedAt) return "revoked";
  if (row.expiresAt && row.expiresAt.getTime() <= now.getTime()) return "expired";
  return "active";
}

export function toShareLinkDto(
  row: Row,
  creators: Map<string, { id: string; email: string }>,
): ShareLinkDto {
  const targetType: ShareTarget = (SHARE_TARGETS as readonly string[]).includes(row.targetType)
    ? (row.targetType as ShareTarget)
    : "gallery";
  return {
    id: row.id,
    targetType,
    generationId: row.generationId,
    collectionId: row.collectionId,
    shotId: row.shotId,
    targetLabel: row.generation?.prompt ?? row.shot?.prompt ?? row.collection?.name ?? null,
    // Its video was deleted: the row keeps the prompt, so people can tell which it was.
    targetDeleted: Boolean(row.generation?.deletedAt),
    title: row.title,
    showPrompt: row.showPrompt,
    allowDownload: row.allowDownload,
    hasPassword: row.passwordHash !== null,
    expiresAt: row.expiresAt?.toISOString() ?? null,
    revokedAt: row.revokedAt?.toISOString() ?? null,
    status: shareLinkStatus(row),
    views: row.views,
    createdAt: row.createdAt.toISOString(),
    createdBy: creators.get(row.createdById) ?? null,
  };
}
