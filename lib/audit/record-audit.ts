import "server-only";
import { headers } from "next/headers";
import { db } from "@/lib/db";
import { logger } from "@/lib/logger";
import { clientIp } from "@/lib/rate-limit/limits";

export type AuditAction =
  | "generation.created"
  | "generation.retried"
  | "generation.cancelled"
  | "generation.deleted"
  | "keys.changed"
  | "keys.removed"
  | "budget.changed"
  | "content-filter.changed"
  | "member.added"
  | "member.removed"
  | "member.left"
  | "member.role-changed"
  | "invite.created"
  | "invite.revoked"
  | "share.created"
  | "share.revoked"
  | "workspace.created"
  | "workspace.renamed"
  | "workspace.transferred";

// Where a request came from, when there is one (a job has none).
async function origin(): Promise<{ ip: string | null; userAgent: string | null }> {
  try {
    const h = await headers();
    const ip = clientIp(h);
    return { ip, userAgent: h.get("user-agent")?.slice(0, 300) ?? null };
  } catch {
    return { ip: null, userAgent: null };
  }
}

/** One line of a workspace's audit log: who did what, when, from where. Never a secret. */
export async function recordAudit(entry: {
  workspaceId: string;
  actor: { id: string; email: string } | null;
  action: AuditAction;
  target?: { type: string; id: string };
  details?: Record<string, unknown>;
}): Promise<void> {
  try {
    await db.auditLog.create({
      data: {
        workspaceId: entry.workspaceId,
        actorId: entry.actor?.id ?? null,
        actorEmail: entry.actor?.email ?? null,
        action: entry.action,
        targetType: entry.target?.type ?? null,
        targetId: entry.target?.id ?? null,
        details: entry.details ? JSON.stringify(entry.details) : null,
        ...(await origin()),
      },
    });
  } catch (e) {
    // The audit trail must not turn a successful change into a failed request.
    logger.error({ err: e, action: entry.action }, "audit log write failed");
  }
}
