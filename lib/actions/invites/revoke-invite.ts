"use server";
import type { ActionResult } from "@/lib/actions/action-result";
import { workspaceAction } from "@/lib/actions/safe-action";
import { revokeInvite } from "@/lib/invites/revoke-invite";
import { revokeInviteInput } from "@/lib/invites/schemas";

const action = workspaceAction(
  "revokeInvite",
  { schema: revokeInviteInput, permission: "members.invite" },
  (input, { user, workspace }) =>
    revokeInvite({ workspace, actor: user, inviteId: input.inviteId }),
);

/** Revoke an invite link at once. */
export async function revokeInviteAction(input: unknown): Promise<ActionResult<void>> {
  return action(input);
}
