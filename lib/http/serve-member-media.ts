import "server-only";
import type { NextRequest } from "next/server";
import { sessionClaims } from "@/lib/auth/session-claims";
import { db } from "@/lib/db";
import { getMemberMediaKey } from "@/lib/generations/get-member-media-key";
import { errorResponse, jsonError } from "@/lib/http/json-error";
import { serveMedia } from "@/lib/http/serve-media";
import { downloadFileName } from "@/lib/media/download-name";
import { mediaStorage } from "@/lib/storage";

/** Read only for a download, after access was granted: players never pay for it. */
async function memberDownloadName(id: string): Promise<string> {
  const g = await db.generation.findUnique({ where: { id }, select: { prompt: true } });
  return downloadFileName(g?.prompt ?? null, id);
}

/** GET of a generation's stored video or poster by a member of its workspace, with Range support. */
export async function serveMemberMedia(args: {
  req: NextRequest;
  params: Promise<{ slug: string; id: string }>;
  kind: "video" | "poster";
  route: string;
}): Promise<Response> {
  try {
    const claims = await sessionClaims();
    if (!claims) return jsonError(401, "unauthorized", "Sign in to continue");
    const { slug, id } = await args.params;
    const key = await getMemberMediaKey({ claims, slug, id, kind: args.kind });
    const download = args.kind === "video" && args.req.nextUrl.searchParams.get("download") === "1";
    return await serveMedia({
      req: args.req,
      storage: mediaStorage(),
      key,
      download: download ? { filename: await memberDownloadName(id) } : undefined,
    });
  } catch (e) {
    return errorResponse(e, args.route);
  }
}
