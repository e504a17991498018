import { NextResponse } from "next/server";
import { withWorkspace } from "@/lib/http/with-workspace";
import { getCredits } from "@/lib/kie-account/get-credits";

// GET /api/w/:slug/credits — the workspace's kie.ai balance and this month's budget use
export const GET = withWorkspace(
  "GET /api/w/:slug/credits",
  async (_req, { workspace, user }) =>
    NextResponse.json(await getCredits(workspace.id, user.id), {
      headers: { "Cache-Control": "no-store" },
    }),
  { permission: "credits.view" },
);
