"use server";
import type { ActionResult } from "@/lib/actions/action-result";
import { workspaceAction } from "@/lib/actions/safe-action";
import { revokeShareLink } from "@/lib/sharing/revoke-share-link";
import { shareLinkRefInput } from "@/lib/sharing/schemas";

// The wrapper admits anyone who may revoke their own links; revokeShareLink decides whether
// this link is theirs or needs share.revoke-any.
const action = workspaceAction(
  "revokeShareLink",
  { schema: shareLinkRefInput, permission: "share.revoke-own" },
  (input, { user, workspace, role }) =>
    revokeShareLink({
      workspaceId: workspace.id,
      actor: user,
      role,
      shareLinkId: input.shareLinkId,
    }),
);

/** Revoke: the link stops working at once, for the page and its media. */
export async function revokeShareLinkAction(
  input: unknown,
): Promise<ActionResult<{ id: string; revokedAt: string }>> {
  return action(input);
}
