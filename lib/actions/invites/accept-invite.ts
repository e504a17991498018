"use server";
import type { ActionResult } from "@/lib/actions/action-result";
import { userAction } from "@/lib/actions/safe-action";
import { acceptInvite } from "@/lib/invites/accept-invite";
import { acceptInviteInput } from "@/lib/invites/schemas";

const action = userAction("acceptInvite", acceptInviteInput, (input, { user }) =>
  acceptInvite({ token: input.token, user }),
);

/** Join the workspace an invite link names. */
export async function acceptInviteAction(input: unknown): Promise<ActionResult<{ slug: string }>> {
  return action(input);
}
