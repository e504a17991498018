"use server";
import { z } from "zod";
import type { ActionResult } from "@/lib/actions/action-result";
import { workspaceAction } from "@/lib/actions/safe-action";
import type { CollectionWithMembership } from "@/lib/collections/dto";
import { listCollections } from "@/lib/collections/list-collections";

const schema = z.object({
  workspaceSlug: z.string().min(1).max(100),
  generationId: z.string().min(1).max(100).optional(),
  shotId: z.string().min(1).max(100).optional(),
});

const action = workspaceAction(
  "listCollections",
  { schema, permission: "gallery.view" },
  (input, { workspace }) =>
    listCollections({
      workspaceId: workspace.id,
      generationId: input.generationId,
      shotId: input.shotId,
    }),
);

export async function listCollectionsAction(
  input: unknown,
): Promise<ActionResult<CollectionWithMembership[]>> {
  return action(input);
}
