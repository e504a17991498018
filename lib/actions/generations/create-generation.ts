"use server";
import type { ActionResult } from "@/lib/actions/action-result";
import { workspaceAction } from "@/lib/actions/safe-action";
import { createTakes } from "@/lib/generations/create-generation";
import type { GenerationDto } from "@/lib/generations/dto";
import { createGenerationInput } from "@/lib/generations/schemas";
import { enforceGenerateLimits } from "@/lib/rate-limit/limits";

const action = workspaceAction(
  "createGeneration",
  { schema: createGenerationInput, permission: "generation.create" },
  async (input, { user, workspace }) => {
    await enforceGenerateLimits(user.id);
    return createTakes({
      workspace,
      authorId: user.id,
      prompt: input.prompt,
      promptOptimizer: input.promptOptimizer,
      model: input.model,
      duration: input.duration,
      resolution: input.resolution,
      startImageId: input.startImageId,
      endImageId: input.endImageId,
      idempotencyKey: input.idempotencyKey,
      takes: input.takes,
    });
  },
);

/** Generate: records the press's takes, then asks kie.ai for each video. */
export async function createGenerationAction(
  input: unknown,
): Promise<ActionResult<GenerationDto[]>> {
  return action(input);
}
