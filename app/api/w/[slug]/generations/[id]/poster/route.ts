import type { NextRequest } from "next/server";
import { serveMemberMedia } from "@/lib/http/serve-member-media";

type Ctx = { params: Promise<{ slug: string; id: string }> };

// GET /api/w/:slug/generations/:id/poster — the poster frame (JPEG)
export function GET(req: NextRequest, ctx: Ctx): Promise<Response> {
  return serveMemberMedia({
    req,
    params: ctx.params,
    kind: "poster",
    route: "GET /api/w/:slug/generations/:id/poster",
  });
}
