import "server-only";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import type { GenerationDto } from "@/lib/generations/dto";
import { getGeneration } from "@/lib/generations/get-generation";
import { publishChange } from "@/lib/generations/publish";
import { can } from "@/lib/workspaces/permissions";
import type { Role } from "@/lib/workspaces/roles";

/**
 * Keep: marks the take chosen from its shot's others, so it leads the shot's card; at most one
 * take of a shot is kept, so keeping one lets go of any other. `keep: false` lets it go again.
 * A choice of the shot's author, or an admin's, like deleting.
 */
export async function keepTake(args: {
  workspace: { id: string; slug: string };
  actor: { id: string };
  role: Role;
  generationId: string;
  keep: boolean;
}): Promise<GenerationDto> {
  const g = await db.generation.findFirst({
    where: { id: args.generationId, workspaceId: args.workspace.id, deletedAt: null },
    select: { id: true, authorId: true, shotId: true, state: true, mediaState: true },
  });
  if (!g) throw new AppError("not_found", "Video not found");
  if (g.authorId !== args.actor.id && !can(args.role, "generation.manage-any")) {
    throw new AppError("forbidden", "Only admins can choose among other people's takes");
  }
  if (args.keep && (g.state !== "success" || g.mediaState !== "stored")) {
    throw new AppError("conflict", "Only a finished video can be kept. Wait until it is ready.");
  }
  const shotId = g.shotId ?? g.id;
  const takes = await db.$transaction(async (tx) => {
    const others = await tx.generation.findMany({
      where: { workspaceId: args.workspace.id, shotId, id: { not: g.id }, keptAt: { not: null } },
      select: { id: true, state: true },
    });
    if (args.keep && others.length > 0) {
      await tx.generation.updateMany({
        where: { id: { in: others.map((o) => o.id) } },
        data: { keptAt: null },
      });
    }
    await tx.generation.update({
      where: { id: g.id },
      data: { keptAt: args.keep ? new Date() : null },
    });
    return args.keep ? others : [];
  });
  // Every open gallery redraws the shot: the take that led it may have changed.
  for (const changed of [{ id: g.id, state: g.state }, ...takes]) {
    publishChange({ ...changed, workspaceId: args.workspace.id });
  }
  return getGeneration({
    workspaceId: args.workspace.id,
    workspaceSlug: args.workspace.slug,
    id: g.id,
  });
}
