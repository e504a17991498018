"use server";
import type { ActionResult } from "@/lib/actions/action-result";
import { workspaceAction } from "@/lib/actions/safe-action";
import { setWorkspaceBudgetInput } from "@/lib/kie-account/schemas";
import { setWorkspaceBudget } from "@/lib/kie-account/set-workspace-budget";

const action = workspaceAction(
  "setWorkspaceBudget",
  { schema: setWorkspaceBudgetInput, permission: "settings.budget" },
  async (input, { user, workspace }) => {
    await setWorkspaceBudget({ workspaceId: workspace.id, actor: user, limit: input.limit });
    return null;
  },
);

/** Sets or lifts the workspace's monthly credit budget. */
export async function setWorkspaceBudgetAction(input: unknown): Promise<ActionResult<null>> {
  return action(input);
}
