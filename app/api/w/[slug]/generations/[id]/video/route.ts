import type { NextRequest } from "next/server";
import { serveMemberMedia } from "@/lib/http/serve-member-media";

type Ctx = { params: Promise<{ slug: string; id: string }> };

// GET /api/w/:slug/generations/:id/video[?download=1] — the stored MP4, with Range support
export function GET(req: NextRequest, ctx: Ctx): Promise<Response> {
  return serveMemberMedia({
    req,
    params: ctx.params,
    kind: "video",
    route: "GET /api/w/:slug/generations/:id/video",
  });
}
