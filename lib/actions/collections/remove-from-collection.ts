"use server";
import type { ActionResult } from "@/lib/actions/action-result";
import { workspaceAction } from "@/lib/actions/safe-action";
import { removeFromCollection } from "@/lib/collections/remove-from-collection";
import { collectionItemInput } from "@/lib/collections/schemas";

const action = workspaceAction(
  "removeFromCollection",
  { schema: collectionItemInput, permission: "collection.manage" },
  (input, { workspace }) =>
    removeFromCollection({
      workspaceId: workspace.id,
      collectionId: input.collectionId,
      generationId: input.generationId,
    }),
);

export async function removeFromCollectionAction(
  input: unknown,
): Promise<ActionResult<{ collectionId: string; generationId: string }>> {
  return action(input);
}
