"use server";
import type { ActionResult } from "@/lib/actions/action-result";
import { workspaceAction } from "@/lib/actions/safe-action";
import { removeMember } from "@/lib/workspaces/remove-member";
import { leaveWorkspaceInput } from "@/lib/workspaces/schemas";

// Any member may leave: the least permission every member has.
const action = workspaceAction(
  "leaveWorkspace",
  { schema: leaveWorkspaceInput, permission: "gallery.view" },
  (_input, { user, workspace, role }) =>
    removeMember({ workspace, actor: { ...user, role }, userId: user.id }),
);

/** Leave the workspace (not as its last owner). */
export async function leaveWorkspaceAction(input: unknown): Promise<ActionResult<void>> {
  return action(input);
}
