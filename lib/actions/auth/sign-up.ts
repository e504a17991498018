"use server";
import type { ActionResult } from "@/lib/actions/action-result";
import { publicAction } from "@/lib/actions/safe-action";
import { credentialsSchema } from "@/lib/auth/schemas";
import { enforceLimit, requestIp } from "@/lib/rate-limit/limits";
import { signUp } from "@/lib/users/sign-up";

const action = publicAction("signUp", credentialsSchema, async (input) => {
  await enforceLimit("sign-up:ip", await requestIp());
  const { slug } = await signUp(input);
  return { slug };
});

/** Create account: the browser signs in with the same credentials right after. */
export async function signUpAction(input: unknown): Promise<ActionResult<{ slug: string }>> {
  return action(input);
}
