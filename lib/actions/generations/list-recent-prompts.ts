"use server";
import { z } from "zod";
import type { ActionResult } from "@/lib/actions/action-result";
import { workspaceAction } from "@/lib/actions/safe-action";
import { listRecentPrompts, type RecentPrompt } from "@/lib/generations/recent-prompts";

const schema = z.object({ workspaceSlug: z.string().min(1).max(100) });

const action = workspaceAction(
  "listRecentPrompts",
  { schema, permission: "generation.create" },
  (_input, { workspace, user }) =>
    listRecentPrompts({ workspaceId: workspace.id, authorId: user.id }),
);

/** The person's own recent prompts in this workspace, for the editor's Recent menu. */
export async function listRecentPromptsAction(
  input: unknown,
): Promise<ActionResult<RecentPrompt[]>> {
  return action(input);
}
