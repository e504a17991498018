import "server-only";
import { generationOf } from "@/lib/audit/generation-of";
import { db } from "@/lib/db";

export interface AuditEntry {
  id: string;
  action: string;
  actorEmail: string | null;
  targetType: string | null;
  targetId: string | null;
  details: Record<string, unknown> | null;
  ip: string | null;
  userAgent: string | null;
  createdAt: string;
}

export interface AuditPage {
  items: AuditEntry[];
  /** The videos these entries mention that can still be opened (not deleted). */
  openableGenerationIds: string[];
  nextCursor: string | null;
}

function encodeCursor(e: { createdAt: Date; id: string }): string {
  return Buffer.from(`${e.createdAt.toISOString()}|${e.id}`).toString("base64url");
}

function decodeCursor(raw: string | null | undefined): { createdAt: Date; id: string } | null {
  if (!raw) return null;
  const [at, id] = Buffer.from(raw, "base64url").toString("utf8").split("|");
  const createdAt = new Date(at ?? "");
  if (!id || Number.isNaN(createdAt.getTime())) return null;
  return { createdAt, id };
}

function parseDetails(raw: string | null): Record<string, unknown> | null {
  if (!raw) return null;
  try {
    const value: unknown = JSON.parse(raw);
    return value && typeof value === "object" ? (value as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}

/** One page of a workspace's audit log, newest first (keyset on createdAt, id). */
export async function listAuditLog(args: {
  workspaceId: string;
  cursor?: string | null;
  limit?: number;
}): Promise<AuditPage> {
  const limit = Math.min(Math.max(args.limit ?? 50, 1), 200);
  const cursor = decodeCursor(args.cursor);
  const rows = await db.auditLog.findMany({
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
  });
  const page = rows.slice(0, limit);
  const last = page.at(-1);
  const items = page.map((r) => ({
    id: r.id,
    action: r.action,
    actorEmail: r.actorEmail,
    targetType: r.targetType,
    targetId: r.targetId,
    details: parseDetails(r.details),
    ip: r.ip,
    userAgent: r.userAgent,
    createdAt: r.createdAt.toISOString(),
  }));
  // An entry links to its video only while the video is still there.
  const mentioned = [...new Set(items.map(generationOf).filter((id) => id !== null))];
  const visible = mentioned.length
    ? await db.generation.findMany({
        where: { id: { in: mentioned }, workspaceId: args.workspaceId, deletedAt: null },
        select: { id: true },
      })
    : [];
  return {
    items,
    openableGenerationIds: visible.map((g) => g.id),
    nextCursor: rows.length > limit && last ? encodeCursor(last) : null,
  };
}
