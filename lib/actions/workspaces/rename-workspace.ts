"use server";
import type { ActionResult } from "@/lib/actions/action-result";
import { workspaceAction } from "@/lib/actions/safe-action";
import { renameWorkspace } from "@/lib/workspaces/rename-workspace";
import { renameWorkspaceInput } from "@/lib/workspaces/schemas";

const action = workspaceAction(
  "renameWorkspace",
  { schema: renameWorkspaceInput, permission: "workspace.rename" },
  (input, { user, workspace }) => renameWorkspace({ workspace, actor: user, name: input.name }),
);

/** Rename the workspace (its address stays). */
export async function renameWorkspaceAction(
  input: unknown,
): Promise<ActionResult<{ name: string }>> {
  return action(input);
}
