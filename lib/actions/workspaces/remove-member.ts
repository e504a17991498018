"use server";
import type { ActionResult } from "@/lib/actions/action-result";
import { workspaceAction } from "@/lib/actions/safe-action";
import { removeMember } from "@/lib/workspaces/remove-member";
import { removeMemberInput } from "@/lib/workspaces/schemas";

const action = workspaceAction(
  "removeMember",
  { schema: removeMemberInput, permission: "members.manage" },
  (input, { user, workspace, role }) =>
    removeMember({ workspace, actor: { ...user, role }, userId: input.userId }),
);

/** Remove someone else from the workspace. */
export async function removeMemberAction(input: unknown): Promise<ActionResult<void>> {
  return action(input);
}
