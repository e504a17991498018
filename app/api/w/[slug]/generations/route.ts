import { NextResponse } from "next/server";
import { galleryQuery, toGenerationFilters } from "@/lib/generations/gallery-query";
import { listGenerations } from "@/lib/generations/list-generations";
import { withWorkspace } from "@/lib/http/with-workspace";

// GET /api/w/:slug/generations?cursor&collection&favorites=1&author&state&from&to&q&shot — one page
// of the gallery, newest first, filtered
export const GET = withWorkspace(
  "GET /api/w/:slug/generations",
  async (req, { workspace, user }) => {
    const parsed = galleryQuery.safeParse(Object.fromEntries(req.nextUrl.searchParams));
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      return NextResponse.json(
        {
          error: "invalid_input",
          message: `Invalid ${issue?.path.join(".") || "query"}: ${issue?.message ?? "invalid"}`,
        },
        { status: 422 },
      );
    }
    const page = await listGenerations({
      workspaceId: workspace.id,
      workspaceSlug: workspace.slug,
      cursor: parsed.data.cursor,
      limit: parsed.data.limit,
      filters: toGenerationFilters(parsed.data, user.id),
    });
    return NextResponse.json(page, { headers: { "Cache-Control": "no-store" } });
  },
  { permission: "gallery.view" },
);
