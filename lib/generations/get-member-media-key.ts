import "server-only";
import { LRUCache } from "lru-cache";
import type { SessionClaims } from "@/lib/auth/session-claims";
import { isSessionCurrent } from "@/lib/auth/session-version";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { can } from "@/lib/workspaces/permissions";

interface Row {
  role: string;
  sessionVersion: number | bigint;
  mediaKey: string | null;
  posterKey: string | null;
}

// A playing video asks for its file range by range, often several times a second. An answer
// is reused for two seconds, so a person removed from the workspace (or signed out everywhere)
// keeps at most that long to fetch bytes of a video they were already watching.
const granted = new LRUCache<string, string>({ max: 10_000, ttl: 2_000 });

/**
 * The storage key of a generation's video or poster, for a signed-in member of its workspace.
 * A video element fetches a file in many range requests, so the person, their membership and the
 * generation are read in one query; the same answers as every other workspace route follow from
 * it: 401 for a session that is no longer good, 404 for a workspace or a video the caller cannot see.
 */
export async function getMemberMediaKey(args: {
  claims: SessionClaims;
  slug: string;
  id: string;
  kind: "video" | "poster";
}): Promise<string> {
  const { userId } = args.claims;
  const cacheKey = [userId, args.claims.sessionVersion, args.slug, args.id, args.kind].join("\n");
  const cached = granted.get(cacheKey);
  if (cached) return cached;
  const rows = await db.$queryRaw<Row[]>`
    SELECT m."role" AS "role", u."sessionVersion" AS "sessionVersion",
      g."mediaKey" AS "mediaKey", g."posterKey" AS "posterKey"
    FROM "Membership" m
      JOIN "User" u ON u."id" = m."userId"
      JOIN "Workspace" w ON w."id" = m."workspaceId"
      LEFT JOIN "Generation" g ON g."workspaceId" = w."id" AND g."id" = ${args.id}
    WHERE m."userId" = ${userId} AND w."slug" = ${args.slug}`;
  const row = rows[0];
  if (!row) {
    // Not a member here — or no longer signed in at all, which is told apart only on this path.
    const user = await db.user.findUnique({
      where: { id: userId },
      select: { sessionVersion: true },
    });
    if (!user || !isSessionCurrent(args.claims.sessionVersion, user.sessionVersion)) {
      throw new AppError("unauthorized", "Sign in to continue");
    }
    throw new AppError("not_found", "Workspace not found");
  }
  if (!isSessionCurrent(args.claims.sessionVersion, Number(row.sessionVersion))) {
    throw new AppError("unauthorized", "Sign in to continue");
  }
  if (!can(row.role, "media.view")) {
    throw new AppError("forbidden", "Your role in this workspace does not allow this");
  }
  const key = args.kind === "video" ? row.mediaKey : row.posterKey;
  if (!key) throw new AppError("not_found", "No stored media");
  granted.set(cacheKey, key);
  return key;
}
