import "server-only";
import type { NextRequest } from "next/server";
import { errorResponse, jsonError } from "@/lib/http/json-error";
import { serveMedia } from "@/lib/http/serve-media";
import { getSharedMediaKey } from "@/lib/sharing/get-shared-media-key";
import { resolveShareLink } from "@/lib/sharing/resolve-share-link";
import { hasShareAccess, shareAccessCookie } from "@/lib/sharing/share-access";
import { mediaStorage } from "@/lib/storage";

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
      download: wantsDownload ? { filename: `hailuo-${generationId}.mp4` } : undefined,
      audience: "shared",
    });
  } catch (e) {
    return errorResponse(e, args.route);
  }
}

function notFound(): Response {
  return jsonError(404, "not_found", "This link isn't available");
}
