"use server";
import type { ActionResult } from "@/lib/actions/action-result";
import { workspaceAction } from "@/lib/actions/safe-action";
import { renameCollection } from "@/lib/collections/rename-collection";
import { renameCollectionInput } from "@/lib/collections/schemas";

const action = workspaceAction(
  "renameCollection",
  { schema: renameCollectionInput, permission: "collection.manage" },
  (input, { workspace }) =>
    renameCollection({
      workspaceId: workspace.id,
      collectionId: input.collectionId,
      name: input.name,
    }),
);

export async function renameCollectionAction(
  input: unknown,
): Promise<ActionResult<{ id: string; name: string }>> {
  return action(input);
}
