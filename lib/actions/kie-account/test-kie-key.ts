"use server";
import type { ActionResult } from "@/lib/actions/action-result";
import { workspaceAction } from "@/lib/actions/safe-action";
import { testKieKeyInput } from "@/lib/kie-account/schemas";
import { type KeyTestResult, testKieKey } from "@/lib/kie-account/test-kie-key";

const action = workspaceAction(
  "testKieKey",
  { schema: testKieKeyInput, permission: "settings.keys" },
  (input, { workspace }) => testKieKey({ workspaceId: workspace.id, apiKey: input.apiKey }),
);

/** "Test key": the balance kie.ai reports for the typed key (or the one in use), or its error. */
export async function testKieKeyAction(input: unknown): Promise<ActionResult<KeyTestResult>> {
  return action(input);
}
