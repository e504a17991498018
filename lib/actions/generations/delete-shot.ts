"use server";
import type { ActionResult } from "@/lib/actions/action-result";
import { workspaceAction } from "@/lib/actions/safe-action";
import { deleteShot } from "@/lib/generations/delete-takes";
import { shotRefInput } from "@/lib/generations/schemas";

const action = workspaceAction(
  "deleteShot",
  { schema: shotRefInput, permission: "generation.manage-own" },
  async (input, { user, workspace, role }) =>
    deleteShot({
      workspaceId: workspace.id,
      actor: { id: user.id, email: user.email },
      role,
      shotId: input.shotId,
    }),
);

/** Delete the shot: every take of it, each under the usual rules for deleting. */
export async function deleteShotAction(
  input: unknown,
): Promise<ActionResult<{ deleted: number; kept: number }>> {
  return action(input);
}
