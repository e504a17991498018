import type { AuditEntry } from "@/lib/audit/list-audit-log";

/** The video an audit entry is about, if any: its target, or the video a share link was made for. */
export function generationOf(
  e: Pick<AuditEntry, "action" | "targetType" | "targetId" | "details">,
) {
  if (e.targetType === "generation" && e.targetId) return e.targetId;
  const shared = e.action === "share.created" ? e.details?.generationId : null;
  return typeof shared === "string" && shared !== "" ? shared : null;
}
