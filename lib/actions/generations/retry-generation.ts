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
    return retryGeneration({
      workspace,
      userId: user.id,
      role,
      generationId: input.generationId,
      // A retry that sends a createTask counts against Generate's limits; fetching a video
      // again does not.
      beforeSubmit: () => enforceGenerateLimits(user.id),
    });
  },
);

/**
 * Retry: resubmits a generation that never reached kie.ai, starts a new one from a failed one, or
 * fetches again a video the studio could not save.
 */
export async function retryGenerationAction(input: unknown): Promise<ActionResult<GenerationDto>> {
  return action(input);
}
