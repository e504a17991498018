"use server";
import type { ActionResult } from "@/lib/actions/action-result";
import { workspaceAction } from "@/lib/actions/safe-action";
import { cancelGeneration } from "@/lib/generations/cancel-generation";
import type { GenerationDto } from "@/lib/generations/dto";
import { generationRefInput } from "@/lib/generations/schemas";

const action = workspaceAction(
  "cancelGeneration",
  { schema: generationRefInput, permission: "generation.manage-own" },
  async (input, { user, workspace, role }) =>
    cancelGeneration({
      workspace,
      actor: { id: user.id, email: user.email },
      role,
      generationId: input.generationId,
    }),
);

/** Cancel: a take not yet sent to kie.ai ends as cancelled and costs nothing. */
export async function cancelGenerationAction(input: unknown): Promise<ActionResult<GenerationDto>> {
  return action(input);
}
