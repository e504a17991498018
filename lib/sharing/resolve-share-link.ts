import "server-only";
import { db } from "@/lib/db";
import { shareLinkStatus } from "@/lib/sharing/to-dto";
import { hashShareToken, isShareTokenShape } from "@/lib/sharing/token";

export interface OpenShareLink {
  id: string;
  workspaceId: string;
  targetType: string;
  generationId: string | null;
  collectionId: string | null;
  shotId: string | null;
  title: string | null;
  showPrompt: boolean;
  allowDownload: boolean;
  passwordHash: string | null;
  collectionName: string | null;
}

/**
 * The live link behind a token, or null — one answer for unknown, revoked and expired tokens, so
 * nobody can tell them apart from outside.
 */
export async function resolveShareLink(token: string): Promise<OpenShareLink | null> {
  if (!isShareTokenShape(token)) return null;
  const row = await db.shareLink.findUnique({
    where: { tokenHash: hashShareToken(token) },
    select: {
      id: true,
      workspaceId: true,
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
      collection: { select: { name: true } },
    },
  });
  if (!row || shareLinkStatus(row) !== "active") return null;
  const { expiresAt: _e, revokedAt: _r, collection, ...link } = row;
  return { ...link, collectionName: collection?.name ?? null };
}
