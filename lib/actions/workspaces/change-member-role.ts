"use server";
import type { ActionResult } from "@/lib/actions/action-result";
import { workspaceAction } from "@/lib/actions/safe-action";
import { changeMemberRole } from "@/lib/workspaces/change-member-role";
import { changeMemberRoleInput } from "@/lib/workspaces/schemas";

const action = workspaceAction(
  "changeMemberRole",
  { schema: changeMemberRoleInput, permission: "members.manage" },
  (input, { user, workspace, role }) =>
    changeMemberRole({
      workspace,
      actor: { ...user, role },
      userId: input.userId,
      role: input.role,
    }),
);

/** Change a member's role (owner changes need an owner; the last owner stays). */
export async function changeMemberRoleAction(input: unknown): Promise<ActionResult<void>> {
  return action(input);
}
