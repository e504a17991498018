import "server-only";
import type { CollectionDto } from "@/lib/collections/dto";
import { generationInWorkspaceOrThrow } from "@/lib/collections/find-in-workspace";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { Prisma } from "@/lib/generated/prisma/client";

/** A new named collection (names are unique per workspace), optionally with a first video. */
export async function createCollection(args: {
  workspaceId: string;
  userId: string;
  name: string;
  generationId?: string;
}): Promise<CollectionDto> {
  if (args.generationId) await generationInWorkspaceOrThrow(args.workspaceId, args.generationId);
  try {
    const c = await db.collection.create({
      data: {
        workspaceId: args.workspaceId,
        name: args.name,
        createdById: args.userId,
        ...(args.generationId && { items: { create: { generationId: args.generationId } } }),
      },
      select: { id: true, name: true, createdAt: true, createdById: true },
    });
    return {
      ...c,
      createdAt: c.createdAt.toISOString(),
      itemCount: args.generationId ? 1 : 0,
    };
  } catch (e) {
    throw duplicateName(e) ?? e;
  }
}

export function duplicateName(e: unknown): AppError | null {
  return e instanceof Prisma.PrismaClientKnownRequestError && e.code === "P2002"
    ? new AppError("conflict", "A collection with this name already exists", { name: "taken" })
    : null;
}
