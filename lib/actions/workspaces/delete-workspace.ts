"use server";
import type { ActionResult } from "@/lib/actions/action-result";
import { workspaceAction } from "@/lib/actions/safe-action";
import { deleteWorkspace } from "@/lib/workspaces/delete-workspace";
import { deleteWorkspaceInput } from "@/lib/workspaces/schemas";

const action = workspaceAction(
  "deleteWorkspace",
  { schema: deleteWorkspaceInput, permission: "workspace.delete" },
  (input, { user, workspace }) =>
    deleteWorkspace({ workspace, actor: user, confirmName: input.confirmName }),
);

/** Delete a team workspace and everything in it; the name must be typed to confirm. */
export async function deleteWorkspaceAction(input: unknown): Promise<ActionResult<void>> {
  return action(input);
}
