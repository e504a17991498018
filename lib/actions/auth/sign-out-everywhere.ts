"use server";
import { z } from "zod";
import type { ActionResult } from "@/lib/actions/action-result";
import { userAction } from "@/lib/actions/safe-action";
import { signOutEverywhere } from "@/lib/users/sign-out-everywhere";

const action = userAction("signOutEverywhere", z.object({}), (_input, { user }) =>
  signOutEverywhere(user.id),
);

/** End every session of the caller, on every device (this one too). */
export async function signOutEverywhereAction(): Promise<ActionResult<void>> {
  return action({});
}
