import "server-only";
import { db } from "@/lib/db";
import type { GenerationPage } from "@/lib/generations/dto";
import { generationDtoSelect, toGenerationDto } from "@/lib/generations/to-dto";

export const PAGE_SIZE = 24;

interface Cursor {
  createdAt: Date;
  id: string;
}

function encodeCursor(c: Cursor): string {
  return Buffer.from(`${c.createdAt.toISOString()}|${c.id}`).toString("base64url");
}

function decodeCursor(raw: string | null | undefined): Cursor | null {
  if (!raw) return null;
  const [at, id] = Buffer.from(raw, "base64url").toString("utf8").split("|");
  const createdAt = new Date(at ?? "");
  if (!id || Number.isNaN(createdAt.getTime())) return null;
  return { createdAt, id };
}

/**
 * One page of a workspace's generations, newest first. Keyset pagination on
 * (workspaceId, createdAt, id), so page 400 costs what page 1 costs.
 */
export async function listGenerations(args: {
  workspaceId: string;
  workspaceSlug: string;
  cursor?: string | null;
  limit?: number;
}): Promise<GenerationPage> {
  const limit = Math.min(Math.max(args.limit ?? PAGE_SIZE, 1), 100);
  const cursor = decodeCursor(args.cursor);
  const rows = await db.generation.findMany({
    where: {
      workspaceId: args.workspaceId,
      ...(cursor && {
        OR: [
          { createdAt: { lt: cursor.createdAt } },
          { createdAt: cursor.createdAt, id: { lt: cursor.id } },
        ],
      }),
    },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: limit + 1,
    select: generationDtoSelect,
  });
  const page = rows.slice(0, limit);
  const last = page.at(-1);
  return {
    items: page.map((r) => toGenerationDto(r, args.workspaceSlug)),
    nextCursor: rows.length > limit && last ? encodeCursor(last) : null,
  };
}
