"use server";
import type { ActionResult } from "@/lib/actions/action-result";
import { workspaceAction } from "@/lib/actions/safe-action";
import type { GenerationDto } from "@/lib/generations/dto";
import { keepTake } from "@/lib/generations/keep-take";
import { keepTakeInput } from "@/lib/generations/schemas";

const action = workspaceAction(
  "keepTake",
  { schema: keepTakeInput, permission: "generation.manage-own" },
  async (input, { user, workspace, role }) =>
    keepTake({
      workspace,
      actor: { id: user.id },
      role,
      generationId: input.generationId,
      keep: input.keep,
    }),
);

/** Keep: the chosen take of a shot, which leads its card; or lets it go again. */
export async function keepTakeAction(input: unknown): Promise<ActionResult<GenerationDto>> {
  return action(input);
}
