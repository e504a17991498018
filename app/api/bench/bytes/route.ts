import type { NextRequest } from "next/server";
import { oneChunk } from "@/lib/http/serve-media";

// The benchmark's ceiling for media delivery (`npm run bench`): a route handler that answers with
// bytes from memory the way the media routes answer a range (a fresh buffer, sent as one chunk) —
// no session, no database, no file — and routed like them, without the proxy. Whatever the
// studio's video route costs beyond it is the studio's own. Exists only with BENCH_ROUTES=1.
export const dynamic = "force-dynamic";

const MAX_BYTES = 4 * 1024 * 1024;
const zeros = new Uint8Array(MAX_BYTES);

export function GET(req: NextRequest): Response {
  const bytes = Number(req.nextUrl.searchParams.get("bytes") ?? 0);
  if (
    process.env.BENCH_ROUTES !== "1" ||
    !Number.isInteger(bytes) ||
    bytes < 0 ||
    bytes > MAX_BYTES
  ) {
    return Response.json({ error: "not_found" }, { status: 404 });
  }
  return new Response(oneChunk(zeros.slice(0, bytes)), {
    status: 206,
    headers: { "content-type": "video/mp4", "content-length": String(bytes) },
  });
}
