"use server";
import type { ActionResult } from "@/lib/actions/action-result";
import { workspaceAction } from "@/lib/actions/safe-action";
import { addToCollection } from "@/lib/collections/add-to-collection";
import { collectionItemInput } from "@/lib/collections/schemas";

const action = workspaceAction(
  "addToCollection",
  { schema: collectionItemInput, permission: "collection.manage" },
  (input, { workspace }) =>
    addToCollection({
      workspaceId: workspace.id,
      collectionId: input.collectionId,
      generationId: input.generationId,
    }),
);

export async function addToCollectionAction(
  input: unknown,
): Promise<ActionResult<{ collectionId: string; generationId: string }>> {
  return action(input);
}
