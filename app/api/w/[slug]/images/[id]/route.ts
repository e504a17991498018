import { db } from "@/lib/db";
import { jsonError } from "@/lib/http/json-error";
import { serveMedia } from "@/lib/http/serve-media";
import { withWorkspace } from "@/lib/http/with-workspace";
import { mediaStorage } from "@/lib/storage";

// GET /api/w/:slug/images/:id — a start or end image, to the members of its workspace.
export const GET = withWorkspace<{ slug: string; id: string }>(
  "GET /api/w/:slug/images/:id",
  async (req, { params, workspace }) => {
    const image = await db.sourceImage.findFirst({
      where: { id: params.id, workspaceId: workspace.id },
      select: { key: true },
    });
    if (!image) return jsonError(404, "not_found", "Image not found");
    return serveMedia({ req, storage: mediaStorage(), key: image.key });
  },
  { permission: "media.view" },
);
