"use server";
import type { ActionResult } from "@/lib/actions/action-result";
import { workspaceAction } from "@/lib/actions/safe-action";
import { createInvite } from "@/lib/invites/create-invite";
import { createInviteInput } from "@/lib/invites/schemas";

const action = workspaceAction(
  "createInvite",
  { schema: createInviteInput, permission: "members.invite" },
  (input, { user, workspace }) =>
    createInvite({
      workspace,
      actor: user,
      role: input.role,
      expiresInDays: input.expiresInDays,
      singleUse: input.singleUse,
    }),
);

/** New invite link; its path (with the raw token) is returned only this once. */
export async function createInviteAction(
  input: unknown,
): Promise<ActionResult<{ id: string; path: string; expiresAt: string }>> {
  return action(input);
}
