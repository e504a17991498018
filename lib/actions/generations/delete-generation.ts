"use server";
import type { ActionResult } from "@/lib/actions/action-result";
import { workspaceAction } from "@/lib/actions/safe-action";
import { deleteGeneration } from "@/lib/generations/delete-generation";
import { generationRefInput } from "@/lib/generations/schemas";

const action = workspaceAction(
  "deleteGeneration",
  { schema: generationRefInput, permission: "generation.manage-own" },
  async (input, { user, workspace, role }) => {
    await deleteGeneration({
      workspaceId: workspace.id,
      actor: { id: user.id, email: user.email },
      role,
      generationId: input.generationId,
    });
    return null;
  },
);

/** Delete: a finished, failed or unsaved video, with its media, links and collection places. */
export async function deleteGenerationAction(input: unknown): Promise<ActionResult<null>> {
  return action(input);
}
