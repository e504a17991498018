import "server-only";
import { db } from "@/lib/db";
import type { OpenShareLink } from "@/lib/sharing/resolve-share-link";
import { SHARED_VIDEOS_MAX, sharedVideosWhere } from "@/lib/sharing/shared-videos";

/** A shared video as the public page shows it: public URLs only, the prompt only if allowed. */
export interface SharedVideo {
  id: string;
  prompt: string | null;
  videoUrl: string;
  posterUrl: string | null;
  downloadUrl: string | null;
  /** What it was made with: the model's id, and the length and size asked of kie.ai. */
  model: string;
  duration: string;
  resolution: string;
  durationMs: number | null;
  width: number | null;
  height: number | null;
  createdAt: string;
}

export interface SharedPage {
  kind: "generation" | "collection" | "gallery" | "shot";
  title: string | null;
  collectionName: string | null;
  workspaceName: string;
  allowDownload: boolean;
  showPrompt: boolean;
  videos: SharedVideo[];
}

export function sharedMediaBase(token: string, generationId: string): string {
  return `/api/s/${encodeURIComponent(token)}/media/${encodeURIComponent(generationId)}`;
}

/** What an open (and, if protected, unlocked) link shows. */
export async function getSharedPage(token: string, link: OpenShareLink): Promise<SharedPage> {
  const [workspace, rows] = await Promise.all([
    db.workspace.findUniqueOrThrow({ where: { id: link.workspaceId }, select: { name: true } }),
    db.generation.findMany({
      where: sharedVideosWhere(link),
      // A shot's takes in take order; everything else newest first.
      orderBy:
        link.targetType === "shot" ? [{ take: "asc" }] : [{ createdAt: "desc" }, { id: "desc" }],
      take: SHARED_VIDEOS_MAX,
      select: {
        id: true,
        prompt: true,
        posterKey: true,
        model: true,
        duration: true,
        resolution: true,
        durationMs: true,
        width: true,
        height: true,
        createdAt: true,
      },
    }),
  ]);
  const kind =
    link.targetType === "generation" ||
    link.targetType === "collection" ||
    link.targetType === "shot"
      ? link.targetType
      : "gallery";
  return {
    kind,
    title: link.title,
    collectionName: link.collectionName,
    workspaceName: workspace.name,
    allowDownload: link.allowDownload,
    showPrompt: link.showPrompt,
    videos: rows.map((g) => {
      const base = sharedMediaBase(token, g.id);
      return {
        id: g.id,
        prompt: link.showPrompt ? g.prompt : null,
        videoUrl: `${base}/video`,
        posterUrl: g.posterKey ? `${base}/poster` : null,
        downloadUrl: link.allowDownload ? `${base}/video?download=1` : null,
        model: g.model,
        duration: g.duration,
        resolution: g.resolution,
        durationMs: g.durationMs,
        width: g.width,
        height: g.height,
        createdAt: g.createdAt.toISOString(),
      };
    }),
  };
}
