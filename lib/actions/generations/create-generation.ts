"use server";
import type { ActionResult } from "@/lib/actions/action-result";
import { workspaceAction } from "@/lib/actions/safe-action";
import { createGeneration } from "@/lib/generations/create-generation";
import type { GenerationDto } from "@/lib/generations/dto";
import { createGenerationInput } from "@/lib/generations/schemas";

const action = workspaceAction(
  "createGeneration",
  { schema: createGenerationInput, permission: "generation.create" },
  (input, { user, workspace }) =>
    createGeneration({
      workspace,
      authorId: user.id,
      prompt: input.prompt,
      promptOptimizer: input.promptOptimizer,
      idempotencyKey: input.idempotencyKey,
    }),
);

/** Generate: records the generation, then asks kie.ai for the video. */
export async function createGenerationAction(input: unknown): Promise<ActionResult<GenerationDto>> {
  return action(input);
}
