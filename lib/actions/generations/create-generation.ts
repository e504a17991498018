"use server";
import type { ActionResult } from "@/lib/actions/action-result";
import { workspaceAction } from "@/lib/actions/safe-action";
import { createGeneration } from "@/lib/generations/create-generation";
import type { GenerationDto } from "@/lib/generations/dto";
import { createGenerationInput } from "@/lib/generations/schemas";
import { enforceGenerateLimits } from "@/lib/rate-limit/limits";

const action = workspaceAction(
  "createGeneration",
  { schema: createGenerationInput, permission: "generation.create" },
  async (input, { user, workspace }) => {
    await enforceGenerateLimits(user.id);
    return createGeneration({
      workspace,
      authorId: user.id,
      prompt: input.prompt,
      promptOptimizer: input.promptOptimizer,
      idempotencyKey: input.idempotencyKey,
    });
  },
);

/** Generate: records the generation, then asks kie.ai for the video. */
export async function createGenerationAction(input: unknown): Promise<ActionResult<GenerationDto>> {
  return action(input);
}
