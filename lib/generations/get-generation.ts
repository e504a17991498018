import "server-only";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import type { GenerationDto } from "@/lib/generations/dto";
import { generationDtoSelect, toGenerationDto } from "@/lib/generations/to-dto";

/** One generation of a workspace; another workspace's id is simply not found. */
export async function getGeneration(args: {
  workspaceId: string;
  workspaceSlug: string;
  id: string;
}): Promise<GenerationDto> {
  const row = await db.generation.findFirst({
    where: { id: args.id, workspaceId: args.workspaceId, deletedAt: null },
    select: generationDtoSelect,
  });
  if (!row) throw new AppError("not_found", "Generation not found");
  return toGenerationDto(row, args.workspaceSlug);
}
