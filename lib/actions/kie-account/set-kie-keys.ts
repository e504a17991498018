"use server";
import type { ActionResult } from "@/lib/actions/action-result";
import { workspaceAction } from "@/lib/actions/safe-action";
import { setKieKeysInput } from "@/lib/kie-account/schemas";
import { setKieKeys } from "@/lib/kie-account/set-kie-keys";

const action = workspaceAction(
  "setKieKeys",
  { schema: setKieKeysInput, permission: "settings.keys" },
  async (input, { user, workspace }) => {
    await setKieKeys({
      workspaceId: workspace.id,
      actor: user,
      apiKey: input.apiKey,
      hmacKey: input.hmacKey,
    });
    return null;
  },
);

/** Saves the workspace's kie.ai API key and/or webhook HMAC key (encrypted; never sent back). */
export async function setKieKeysAction(input: unknown): Promise<ActionResult<null>> {
  return action(input);
}
