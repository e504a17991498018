import "server-only";
import { db, dbProvider } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { GenerationPage } from "@/lib/generations/dto";
import { generationDtoSelect, toGenerationDto } from "@/lib/generations/to-dto";

export const PAGE_SIZE = 24;

// A video kie.ai made is only ready once the studio holds its copy: until then it is still on
// its way, and if the copy failed it is a failure — as each card's status says.
type Where = Prisma.GenerationWhereInput;
const SAVED: Where = { state: "success", mediaState: "stored" };
const SAVING: Where = { state: "success", OR: [{ mediaState: null }, { mediaState: "pending" }] };
const UNSAVED: Where = { state: "success", mediaState: "failed" };

/** The gallery's filter states, each the statuses its cards show. */
export const STATE_FILTERS = {
  ready: SAVED,
  in_progress: {
    OR: [{ state: { in: ["submitting", "waiting", "queuing", "generating"] } }, SAVING],
  },
  failed: { OR: [{ state: { in: ["fail", "error"] } }, UNSAVED] },
} satisfies Record<string, Where>;
export type StateFilter = keyof typeof STATE_FILTERS;

/** Narrows the gallery; every filter is optional and they combine with AND. */
export interface GenerationFilters {
  collectionId?: string;
  /** Only the videos this person starred. */
  favoritesOf?: string;
  authorId?: string;
  state?: StateFilter;
  /** Made with this model. */
  model?: string;
  /** Created at or after. */
  from?: Date;
  /** Created before (exclusive). */
  to?: Date;
  /** Prompt text contains (case-insensitive for Latin letters; any script). */
  q?: string;
  /** Only the takes of one shot. */
  shotId?: string;
}

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

// LIKE treats % and _ as wildcards and Prisma passes them through, so a search containing one
// is answered with a plain substring test instead (capped: such searches are rare).
const LITERAL_SEARCH_CAP = 5000;

async function literalMatches(workspaceId: string, q: string): Promise<string[]> {
  const rows =
    dbProvider() === "postgresql"
      ? await db.$queryRaw<{ id: string }[]>`SELECT "id" FROM "Generation"
          WHERE "workspaceId" = ${workspaceId} AND strpos(lower("prompt"), lower(${q})) > 0
          LIMIT ${LITERAL_SEARCH_CAP}`
      : await db.$queryRaw<{ id: string }[]>`SELECT id FROM Generation
          WHERE workspaceId = ${workspaceId} AND instr(lower(prompt), lower(${q})) > 0
          LIMIT ${LITERAL_SEARCH_CAP}`;
  return rows.map((r) => r.id);
}

// SQLite: three or more characters are looked up in the FTS5 trigram index (any script, Latin
// case-insensitive) instead of scanning every prompt; the newest matches are kept.
async function indexedMatches(workspaceId: string, q: string): Promise<string[]> {
  const rows = await db.$queryRaw<{ id: string }[]>`SELECT g.id FROM "Generation" g
    WHERE g."workspaceId" = ${workspaceId}
      AND g.rowid IN (SELECT rowid FROM "GenerationSearch" WHERE prompt LIKE ${`%${q}%`})
    ORDER BY g."createdAt" DESC LIMIT ${LITERAL_SEARCH_CAP}`;
  return rows.map((r) => r.id);
}

async function searchWhere(workspaceId: string, q: string): Promise<Prisma.GenerationWhereInput> {
  if (/[%_\\]/.test(q)) return { id: { in: await literalMatches(workspaceId, q) } };
  if (dbProvider() === "sqlite" && [...q].length >= 3) {
    return { id: { in: await indexedMatches(workspaceId, q) } };
  }
  // SQLite's LIKE (what `contains` becomes) ignores case for ASCII and matches any script
  // literally; PostgreSQL needs ILIKE — served by the trigram index — asked for with mode
  // (absent from the SQLite client's types).
  const insensitive = dbProvider() === "postgresql" ? { mode: "insensitive" } : {};
  return { prompt: { contains: q, ...insensitive } as Prisma.StringFilter };
}

function filterWhere(f: GenerationFilters): Prisma.GenerationWhereInput[] {
  const and: Prisma.GenerationWhereInput[] = [];
  if (f.collectionId) and.push({ collectionItems: { some: { collectionId: f.collectionId } } });
  if (f.favoritesOf) and.push({ favorites: { some: { userId: f.favoritesOf } } });
  if (f.authorId) and.push({ authorId: f.authorId });
  if (f.shotId) and.push({ shotId: f.shotId });
  if (f.state) and.push(STATE_FILTERS[f.state]);
  if (f.model) and.push({ model: f.model });
  if (f.from || f.to) {
    and.push({ createdAt: { ...(f.from && { gte: f.from }), ...(f.to && { lt: f.to }) } });
  }
  return and;
}

/**
 * One page of a workspace's generations, newest first, optionally filtered. Keyset pagination on
 * (workspaceId, createdAt, id), so page 400 costs what page 1 costs.
 */
export async function listGenerations(args: {
  workspaceId: string;
  workspaceSlug: string;
  cursor?: string | null;
  limit?: number;
  filters?: GenerationFilters;
}): Promise<GenerationPage> {
  const limit = Math.min(Math.max(args.limit ?? PAGE_SIZE, 1), 100);
  const cursor = decodeCursor(args.cursor);
  const and = filterWhere(args.filters ?? {});
  const q = args.filters?.q?.trim();
  if (q) and.push(await searchWhere(args.workspaceId, q));
  if (cursor) {
    and.push({
      OR: [
        { createdAt: { lt: cursor.createdAt } },
        { createdAt: cursor.createdAt, id: { lt: cursor.id } },
      ],
    });
  }
  const rows = await db.generation.findMany({
    where: { workspaceId: args.workspaceId, deletedAt: null, ...(and.length && { AND: and }) },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: limit + 1,
    select: generationDtoSelect,
  });
  const page = rows.slice(0, limit);
  const last = page.at(-1);
  return {
    items: await Promise.all(page.map((r) => toGenerationDto(r, args.workspaceSlug))),
    nextCursor: rows.length > limit && last ? encodeCursor(last) : null,
  };
}
