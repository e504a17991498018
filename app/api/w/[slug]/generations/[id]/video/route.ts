import { getMediaKey } from "@/lib/generations/get-media-key";
import { serveMedia } from "@/lib/http/serve-media";
import { withWorkspace } from "@/lib/http/with-workspace";
import { mediaStorage } from "@/lib/storage";

// GET /api/w/:slug/generations/:id/video[?download=1] — the stored MP4, with Range support
export const GET = withWorkspace<{ slug: string; id: string }>(
  "GET /api/w/:slug/generations/:id/video",
  async (req, { params, workspace }) => {
    const key = await getMediaKey({ workspaceId: workspace.id, id: params.id, kind: "video" });
    const download = req.nextUrl.searchParams.get("download") === "1";
    return serveMedia({
      req,
      storage: mediaStorage(),
      key,
      download: download ? { filename: `hailuo-${params.id}.mp4` } : undefined,
    });
  },
  { permission: "media.view" },
);
