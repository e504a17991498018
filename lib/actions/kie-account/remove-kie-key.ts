"use server";
import type { ActionResult } from "@/lib/actions/action-result";
import { workspaceAction } from "@/lib/actions/safe-action";
import { removeKieKey } from "@/lib/kie-account/remove-kie-key";
import { removeKieKeyInput } from "@/lib/kie-account/schemas";

const action = workspaceAction(
  "removeKieKey",
  { schema: removeKieKeyInput, permission: "settings.keys" },
  async (input, { user, workspace }) => {
    await removeKieKey({ workspaceId: workspace.id, actor: user, which: input.which });
    return null;
  },
);

/** Removes one of the workspace's kie.ai keys: back to the server's default. */
export async function removeKieKeyAction(input: unknown): Promise<ActionResult<null>> {
  return action(input);
}
