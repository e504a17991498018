"use server";
import { z } from "zod";
import type { ActionResult } from "@/lib/actions/action-result";
import { workspaceAction } from "@/lib/actions/safe-action";
import { favoriteShot } from "@/lib/favorites/favorite-shot";
import { shotRefInput } from "@/lib/generations/schemas";

const action = workspaceAction(
  "favoriteShot",
  { schema: shotRefInput.extend({ favorite: z.boolean() }), permission: "favorite.toggle" },
  (input, { user, workspace }) =>
    favoriteShot({
      workspaceId: workspace.id,
      userId: user.id,
      shotId: input.shotId,
      favorite: input.favorite,
    }),
);

/** Star or unstar a whole shot: every take of it, for the caller. */
export async function favoriteShotAction(
  input: unknown,
): Promise<ActionResult<{ generationIds: string[]; favorite: boolean }>> {
  return action(input);
}
