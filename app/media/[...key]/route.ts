import type { NextRequest } from "next/server";
import { errorResponse, jsonError } from "@/lib/http/json-error";
import { serveMedia } from "@/lib/http/serve-media";
import { admitMediaLink } from "@/lib/media/media-door";
import { appMediaLinks } from "@/lib/media/play-link";
import { mediaStorage } from "@/lib/storage";

const ROUTE = "GET /media/:key";

// GET /media/<key>?e=…&s=… — a signed media link (lib/media/media-links.ts). The production server
// answers these at its door, before Next.js (lib/media/media-door.ts); this handler answers them
// the same way wherever that door is not in front: `next dev`, or `next start` run on its own.
async function serve(req: NextRequest): Promise<Response> {
  try {
    const links = appMediaLinks();
    if (!links) return refuse(404, "not_found", "Not found");
    const admitted = admitMediaLink(
      req.method,
      links.verify(req.nextUrl.pathname, req.nextUrl.search),
    );
    if (!admitted.ok) return refuse(admitted.status, admitted.error, admitted.message);
    return await serveMedia({
      req,
      storage: mediaStorage(),
      key: admitted.key,
      audience: { linkExpiresAt: admitted.expiresAt },
    });
  } catch (err) {
    return errorResponse(err, ROUTE);
  }
}

// As the door answers: a refusal is never cached, so a link that works later is fetched again.
function refuse(status: number, error: string, message: string): Response {
  const res = jsonError(status, error, message);
  res.headers.set("cache-control", "no-store");
  return res;
}

export { serve as GET, serve as HEAD };
