"use server";
import type { ActionResult } from "@/lib/actions/action-result";
import { workspaceAction } from "@/lib/actions/safe-action";
import { deleteOtherTakes } from "@/lib/generations/delete-takes";
import { generationRefInput } from "@/lib/generations/schemas";

const action = workspaceAction(
  "deleteOtherTakes",
  { schema: generationRefInput, permission: "generation.manage-own" },
  async (input, { user, workspace, role }) =>
    deleteOtherTakes({
      workspaceId: workspace.id,
      actor: { id: user.id, email: user.email },
      role,
      generationId: input.generationId,
    }),
);

/** Delete the others: every other take of this one's shot, each under the usual rules. */
export async function deleteOtherTakesAction(
  input: unknown,
): Promise<ActionResult<{ deleted: number; kept: number }>> {
  return action(input);
}
