"use server";
import { z } from "zod";
import type { ActionResult } from "@/lib/actions/action-result";
import { workspaceAction } from "@/lib/actions/safe-action";
import { collectShot } from "@/lib/collections/collect-shot";
import { shotRefInput } from "@/lib/generations/schemas";

const action = workspaceAction(
  "collectShot",
  {
    schema: shotRefInput.extend({
      collectionId: z.string().min(1).max(100),
      add: z.boolean(),
    }),
    permission: "collection.manage",
  },
  (input, { workspace }) =>
    collectShot({
      workspaceId: workspace.id,
      collectionId: input.collectionId,
      shotId: input.shotId,
      add: input.add,
    }),
);

/** Put every take of a shot in a collection, or take them all out. */
export async function collectShotAction(
  input: unknown,
): Promise<ActionResult<{ collectionId: string; generationIds: string[] }>> {
  return action(input);
}
