"use server";
import type { ActionResult } from "@/lib/actions/action-result";
import { workspaceAction } from "@/lib/actions/safe-action";
import { recordAudit } from "@/lib/audit/record-audit";
import type { GenerationDto } from "@/lib/generations/dto";
import { retryGeneration } from "@/lib/generations/retry-generation";
import { generationRefInput } from "@/lib/generations/schemas";
import { enforceGenerateLimits } from "@/lib/rate-limit/limits";

const action = workspaceAction(
  "retryGeneration",
  { schema: generationRefInput, permission: "generation.manage-own" },
  async (input, { user, workspace, role }) => {
    const retried = await retryGeneration({
      workspace,
      userId: user.id,
      role,
      generationId: input.generationId,
      // A retry that sends a createTask counts against Generate's limits; fetching a video
      // again does not.
      beforeSubmit: () => enforceGenerateLimits(user.id),
    });
    await recordAudit({
      workspaceId: workspace.id,
      actor: { id: user.id, email: user.email },
      action: "generation.retried",
      target: { type: "generation", id: input.generationId },
      details: { prompt: retried.prompt.slice(0, 120) },
    });
    return retried;
  },
);

/**
 * Retry: resubmits a generation that never reached kie.ai, starts a new one from a failed one, or
 * fetches again a video the studio could not save.
 */
export async function retryGenerationAction(input: unknown): Promise<ActionResult<GenerationDto>> {
  return action(input);
}
