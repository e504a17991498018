"use server";
import { z } from "zod";
import type { ActionResult } from "@/lib/actions/action-result";
import { workspaceAction } from "@/lib/actions/safe-action";
import { listFavoriteIds } from "@/lib/favorites/list-favorite-ids";

const schema = z.object({ workspaceSlug: z.string().min(1).max(100) });

const action = workspaceAction(
  "listFavorites",
  { schema, permission: "gallery.view" },
  (_input, { user, workspace }) => listFavoriteIds({ workspaceId: workspace.id, userId: user.id }),
);

/** The ids of the videos the signed-in person starred in this workspace. */
export async function listFavoritesAction(input: unknown): Promise<ActionResult<string[]>> {
  return action(input);
}
