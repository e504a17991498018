"use server";
import type { ActionResult } from "@/lib/actions/action-result";
import { workspaceAction } from "@/lib/actions/safe-action";
import { transferOwnershipInput } from "@/lib/workspaces/schemas";
import { transferOwnership } from "@/lib/workspaces/transfer-ownership";

const action = workspaceAction(
  "transferOwnership",
  { schema: transferOwnershipInput, permission: "workspace.transfer" },
  (input, { user, workspace }) =>
    transferOwnership({ workspace, actor: user, toUserId: input.userId }),
);

/** Hand the workspace to another member; the caller stays on as an admin. */
export async function transferOwnershipAction(input: unknown): Promise<ActionResult<void>> {
  return action(input);
}
