"use server";
import type { ActionResult } from "@/lib/actions/action-result";
import { userAction } from "@/lib/actions/safe-action";
import { createWorkspace } from "@/lib/workspaces/create-workspace";
import { createWorkspaceInput } from "@/lib/workspaces/schemas";

const action = userAction("createWorkspace", createWorkspaceInput, async (input, { user }) => {
  const { slug } = await createWorkspace({ user, name: input.name });
  return { slug };
});

/** New team workspace: the caller becomes its owner. */
export async function createWorkspaceAction(
  input: unknown,
): Promise<ActionResult<{ slug: string }>> {
  return action(input);
}
