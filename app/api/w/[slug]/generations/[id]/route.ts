import { NextResponse } from "next/server";
import { getGeneration } from "@/lib/generations/get-generation";
import { withWorkspace } from "@/lib/http/with-workspace";

// GET /api/w/:slug/generations/:id — one generation
export const GET = withWorkspace<{ slug: string; id: string }>(
  "GET /api/w/:slug/generations/:id",
  async (_req, { params, workspace }) => {
    const generation = await getGeneration({
      workspaceId: workspace.id,
      workspaceSlug: workspace.slug,
      id: params.id,
    });
    return NextResponse.json(generation, { headers: { "Cache-Control": "no-store" } });
  },
  { permission: "generation.view" },
);
