import { NextResponse } from "next/server";
import { listGenerations } from "@/lib/generations/list-generations";
import { withWorkspace } from "@/lib/http/with-workspace";

// GET /api/w/:slug/generations?cursor= — one page of the gallery, newest first
export const GET = withWorkspace(
  "GET /api/w/:slug/generations",
  async (req, { workspace }) => {
    const page = await listGenerations({
      workspaceId: workspace.id,
      workspaceSlug: workspace.slug,
      cursor: req.nextUrl.searchParams.get("cursor"),
    });
    return NextResponse.json(page, { headers: { "Cache-Control": "no-store" } });
  },
  { permission: "gallery.view" },
);
