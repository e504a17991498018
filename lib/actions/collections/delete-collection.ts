"use server";
import type { ActionResult } from "@/lib/actions/action-result";
import { workspaceAction } from "@/lib/actions/safe-action";
import { deleteCollection } from "@/lib/collections/delete-collection";
import { collectionRefInput } from "@/lib/collections/schemas";

const action = workspaceAction(
  "deleteCollection",
  { schema: collectionRefInput, permission: "collection.manage" },
  (input, { workspace }) =>
    deleteCollection({ workspaceId: workspace.id, collectionId: input.collectionId }),
);

export async function deleteCollectionAction(
  input: unknown,
): Promise<ActionResult<{ id: string }>> {
  return action(input);
}
