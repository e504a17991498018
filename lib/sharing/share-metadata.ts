import "server-only";
import type { Metadata } from "next";
import { env } from "@/lib/env";
import { promptTitle } from "@/lib/generations/prompt-title";
import type { SharedPage } from "@/lib/sharing/get-shared-page";

export interface ShareMetadataLabels {
  unavailableTitle: string;
  lockedTitle: string;
  videoTitle: string;
  collectionTitle: (name: string) => string;
  galleryTitle: (workspace: string) => string;
  shotTitle: (takes: number, workspace: string) => string;
  description: string;
}

const PRIVATE = { index: false, follow: false } as const;

export function sharedPageTitle(page: SharedPage, labels: ShareMetadataLabels): string {
  if (page.title) return page.title;
  if (page.kind === "collection" && page.collectionName) {
    return labels.collectionTitle(page.collectionName);
  }
  if (page.kind === "gallery") return labels.galleryTitle(page.workspaceName);
  const prompt = page.videos[0]?.prompt;
  if (page.kind === "shot") {
    return prompt
      ? promptTitle(prompt, 70) || labels.shotTitle(page.videos.length, page.workspaceName)
      : labels.shotTitle(page.videos.length, page.workspaceName);
  }
  return prompt ? promptTitle(prompt, 70) || labels.videoTitle : labels.videoTitle;
}

/**
 * The tags a chat app reads to preview a pasted link: the video, its poster and a title, as
 * absolute URLs. A protected or dead link gets a bare title and nothing that reveals content.
 */
export function shareMetadata(args: {
  token: string;
  state: { kind: "unavailable" } | { kind: "locked" } | { kind: "open"; page: SharedPage };
  labels: ShareMetadataLabels;
}): Metadata {
  const { state, labels } = args;
  const base = { referrer: "no-referrer" as const, robots: PRIVATE };
  if (state.kind === "unavailable") return { ...base, title: labels.unavailableTitle };
  if (state.kind === "locked") return { ...base, title: labels.lockedTitle };

  const appUrl = env().APP_URL;
  const abs = (path: string) => `${appUrl}${path}`;
  const { page } = state;
  const title = sharedPageTitle(page, labels);
  const first = page.videos[0];
  const prompt = page.showPrompt && page.kind === "generation" ? first?.prompt : null;
  const description = prompt ? promptTitle(prompt, 200) : labels.description;
  const size = first?.width && first.height ? { width: first.width, height: first.height } : {};
  const poster = first?.posterUrl ? { url: abs(first.posterUrl), ...size } : null;
  const video = first ? { url: abs(first.videoUrl), type: "video/mp4", ...size } : null;
  const pageUrl = abs(`/s/${args.token}`);
  const https = appUrl.startsWith("https://");

  return {
    ...base,
    title: { absolute: title },
    description,
    openGraph: {
      type: "video.other",
      title,
      description,
      url: pageUrl,
      siteName: "Hailuo Studio",
      ...(video && { videos: [video] }),
      ...(poster && { images: [poster] }),
    },
    twitter:
      // X only plays https players; elsewhere the poster with a big image is the best preview.
      https && video && first?.width && first.height
        ? {
            card: "player",
            title,
            description,
            ...(poster && { images: [poster.url] }),
            players: [
              {
                playerUrl: pageUrl,
                streamUrl: video.url,
                width: first.width,
                height: first.height,
              },
            ],
          }
        : {
            card: poster ? "summary_large_image" : "summary",
            title,
            description,
            ...(poster && { images: [poster.url] }),
          },
  };
}
