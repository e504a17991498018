import type { NextRequest } from "next/server";
import { serveSharedMedia } from "@/lib/sharing/serve-shared-media";

type Ctx = { params: Promise<{ token: string; generationId: string }> };

// GET /api/s/:token/media/:generationId/poster — a shared video's poster frame
export function GET(req: NextRequest, ctx: Ctx): Promise<Response> {
  return serveSharedMedia({
    req,
    params: ctx.params,
    kind: "poster",
    route: "GET /api/s/:token/media/:generationId/poster",
  });
}
