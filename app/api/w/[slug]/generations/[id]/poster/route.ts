import { getMediaKey } from "@/lib/generations/get-media-key";
import { serveMedia } from "@/lib/http/serve-media";
import { withWorkspace } from "@/lib/http/with-workspace";
import { mediaStorage } from "@/lib/storage";

// GET /api/w/:slug/generations/:id/poster — the poster frame (JPEG)
export const GET = withWorkspace<{ slug: string; id: string }>(
  "GET /api/w/:slug/generations/:id/poster",
  async (req, { params, workspace }) => {
    const key = await getMediaKey({ workspaceId: workspace.id, id: params.id, kind: "poster" });
    return serveMedia({ req, storage: mediaStorage(), key });
  },
  { permission: "media.view" },
);
