"use server";
import type { ActionResult } from "@/lib/actions/action-result";
import { workspaceAction } from "@/lib/actions/safe-action";
import { createCollection } from "@/lib/collections/create-collection";
import type { CollectionDto } from "@/lib/collections/dto";
import { createCollectionInput } from "@/lib/collections/schemas";

const action = workspaceAction(
  "createCollection",
  { schema: createCollectionInput, permission: "collection.manage" },
  (input, { user, workspace }) =>
    createCollection({
      workspaceId: workspace.id,
      userId: user.id,
      name: input.name,
      generationId: input.generationId,
    }),
);

export async function createCollectionAction(input: unknown): Promise<ActionResult<CollectionDto>> {
  return action(input);
}
