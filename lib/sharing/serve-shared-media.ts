import "server-only";
import type { NextRequest } from "next/server";
import { db } from "@/lib/db";
import { errorResponse, jsonError } from "@/lib/http/json-error";
import { serveMedia } from "@/lib/http/serve-media";
import { downloadFileName } from "@/lib/media/download-name";
import { getSharedMediaKey } from "@/lib/sharing/get-shared-media-key";
import { resolveShareLink } from "@/lib/sharing/resolve-share-link";
import { hasShareAccess, shareAccessCookie } from "@/lib/sharing/share-access";
import { mediaStorage } from "@/lib/storage";

/** Named by the prompt only where the link shows it; else by the video's id. */
async function sharedDownloadName(showPrompt: boolean, generationId: string): Promise<string> {
  if (!showPrompt) return downloadFileName(null, generationId);
  const g = await db.generation.findUnique({
    where: { id: generationId },
    select: { prompt: true },
  });
  return downloadFileName(g?.prompt ?? null, generationId);
}

/**
 * A public media request through a share link: the link is live, unlocked if protected, and the
 * generation is one it shares — otherwise the same 404 whatever the reason.
 */
export async function serveSharedMedia(args: {
  req: NextRequest;
  params: Promise<{ token: string; generationId: string }>;
  kind: "video" | "poster";
  route: string;
}): Promise<Response> {
  try {
    const { token, generationId } = await args.params;
    const link = await resolveShareLink(token);
    if (!link) return notFound();
    if (!hasShareAccess(link, args.req.cookies.get(shareAccessCookie(link))?.value))
      return notFound();
    const wantsDownload = args.req.nextUrl.searchParams.get("download") === "1";
    const key = await getSharedMediaKey({ link, generationId, kind: args.kind }).catch(() => null);
    if (!key) return notFound();
    if (wantsDownload && (args.kind !== "video" || !link.allowDownload)) {
      return jsonError(403, "forbidden", "Downloading is turned off for this link");
    }
    return await serveMedia({
      req: args.req,
      storage: mediaStorage(),
      key,
      download: wantsDownload
        ? { filename: await sharedDownloadName(link.showPrompt, generationId) }
        : undefined,
      audience: "shared",
    });
  } catch (e) {
    return errorResponse(e, args.route);
  }
}

function notFound(): Response {
  return jsonError(404, "not_found", "This link isn't available");
}
