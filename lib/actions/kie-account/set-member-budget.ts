"use server";
import type { ActionResult } from "@/lib/actions/action-result";
import { workspaceAction } from "@/lib/actions/safe-action";
import { setMemberBudgetInput } from "@/lib/kie-account/schemas";
import { setMemberBudget } from "@/lib/kie-account/set-member-budget";

const action = workspaceAction(
  "setMemberBudget",
  { schema: setMemberBudgetInput, permission: "settings.budget" },
  async (input, { user, workspace }) => {
    await setMemberBudget({
      workspaceId: workspace.id,
      actor: user,
      userId: input.userId,
      limit: input.limit,
    });
    return null;
  },
);

/** Sets or lifts one member's monthly credit budget in the workspace. */
export async function setMemberBudgetAction(input: unknown): Promise<ActionResult<null>> {
  return action(input);
}
