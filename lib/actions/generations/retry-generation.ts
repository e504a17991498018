"use server";
import type { ActionResult } from "@/lib/actions/action-result";
import { workspaceAction } from "@/lib/actions/safe-action";
import type { GenerationDto } from "@/lib/generations/dto";
import { retryGeneration } from "@/lib/generations/retry-generation";
import { generationRefInput } from "@/lib/generations/schemas";
import { enforceGenerateLimits } from "@/lib/rate-limit/limits";

const action = workspaceAction(
  "retryGeneration",
  { schema: generationRefInput, permission: "generation.manage-own" },
  async (input, { user, workspace, role }) => {
    // A retry sends a createTask like Generate does, so it counts against the same limits.
    await enforceGenerateLimits(user.id);
    return retryGeneration({ workspace, userId: user.id, role, generationId: input.generationId });
  },
);

/** Retry: resubmits a generation that never reached kie.ai, or starts a new one from a failed one. */
export async function retryGenerationAction(input: unknown): Promise<ActionResult<GenerationDto>> {
  return action(input);
}
