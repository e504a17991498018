"use server";
import { z } from "zod";
import type { ActionResult } from "@/lib/actions/action-result";
import { workspaceAction } from "@/lib/actions/safe-action";
import { toggleFavorite } from "@/lib/favorites/toggle-favorite";

const schema = z.object({
  workspaceSlug: z.string().min(1).max(100),
  generationId: z.string().min(1).max(100),
  favorite: z.boolean(),
});

const action = workspaceAction(
  "toggleFavorite",
  { schema, permission: "favorite.toggle" },
  (input, { user, workspace }) =>
    toggleFavorite({
      workspaceId: workspace.id,
      userId: user.id,
      generationId: input.generationId,
      favorite: input.favorite,
    }),
);

export async function toggleFavoriteAction(
  input: unknown,
): Promise<ActionResult<{ generationId: string; favorite: boolean }>> {
  return action(input);
}
