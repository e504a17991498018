"use server";
import type { ActionResult } from "@/lib/actions/action-result";
import { workspaceAction } from "@/lib/actions/safe-action";
import { createShareLink } from "@/lib/sharing/create-share-link";
import type { CreatedShareLink } from "@/lib/sharing/dto";
import { createShareLinkInput } from "@/lib/sharing/schemas";

const action = workspaceAction(
  "createShareLink",
  { schema: createShareLinkInput, permission: "share.create" },
  ({ workspaceSlug: _slug, ...input }, { user, workspace }) =>
    createShareLink({ workspaceId: workspace.id, actor: user, input }),
);

/** Share a video, a collection or the gallery: the answer holds the link's URL, shown once. */
export async function createShareLinkAction(
  input: unknown,
): Promise<ActionResult<CreatedShareLink>> {
  return action(input);
}
