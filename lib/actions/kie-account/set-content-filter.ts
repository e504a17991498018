"use server";
import type { ActionResult } from "@/lib/actions/action-result";
import { workspaceAction } from "@/lib/actions/safe-action";
import { setContentFilterInput } from "@/lib/kie-account/schemas";
import { setContentFilter } from "@/lib/kie-account/set-content-filter";

const action = workspaceAction(
  "setContentFilter",
  { schema: setContentFilterInput, permission: "settings.keys" },
  async (input, { user, workspace }) => {
    await setContentFilter({ workspaceId: workspace.id, actor: user, on: input.on });
    return { on: input.on };
  },
);

/** Turns kie.ai's content filter on or off for the workspace's new videos. */
export async function setContentFilterAction(
  input: unknown,
): Promise<ActionResult<{ on: boolean }>> {
  return action(input);
}
