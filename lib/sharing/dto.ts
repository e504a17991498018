import type { ShareTarget } from "@/lib/sharing/schemas";

/** A share link as its workspace's members see it: never the token's hash or the password's. */
export interface ShareLinkDto {
  id: string;
  targetType: ShareTarget;
  generationId: string | null;
  collectionId: string | null;
  shotId: string | null;
  /** What is shared, for the list: the video's prompt, the collection's name, or null (gallery). */
  targetLabel: string | null;
  title: string | null;
  showPrompt: boolean;
  allowDownload: boolean;
  hasPassword: boolean;
  expiresAt: string | null;
  revokedAt: string | null;
  /** The shared video was deleted (and with it, the link revoked). */
  targetDeleted: boolean;
  status: "active" | "expired" | "revoked";
  views: number;
  createdAt: string;
  createdBy: { id: string; email: string } | null;
}

/** What creating a link returns: the only moment the token (and so the URL) is known. */
export interface CreatedShareLink {
  link: ShareLinkDto;
  url: string;
}
