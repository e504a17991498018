import "server-only";
import type { NextRequest } from "next/server";
import { sessionClaims } from "@/lib/auth/session-claims";
import { getMemberMediaKey } from "@/lib/generations/get-member-media-key";
import { errorResponse, jsonError } from "@/lib/http/json-error";
import { serveMedia } from "@/lib/http/serve-media";
import { mediaStorage } from "@/lib/storage";

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
      download: download ? { filename: `hailuo-${id}.mp4` } : undefined,
    });
  } catch (e) {
    return errorResponse(e, args.route);
  }
}
