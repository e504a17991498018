import type { getTranslations } from "next-intl/server";
import type { AuditEntry } from "@/lib/audit/list-audit-log";

type T = Awaited<ReturnType<typeof getTranslations<"audit">>>;

const ACTIONS = {
  "generation.created": "generationCreated",
  "generation.retried": "generationRetried",
  "generation.deleted": "generationDeleted",
  "keys.changed": "keysChanged",
  "keys.removed": "keysRemoved",
  "budget.changed": "budgetChanged",
  "member.added": "memberAdded",
  "member.removed": "memberRemoved",
  "member.left": "memberLeft",
  "member.role-changed": "memberRoleChanged",
  "invite.created": "inviteCreated",
  "invite.revoked": "inviteRevoked",
  "share.created": "shareCreated",
  "share.revoked": "shareRevoked",
  "workspace.created": "workspaceCreated",
  "workspace.renamed": "workspaceRenamed",
  "workspace.transferred": "workspaceTransferred",
} as const;

/** The action in words; an action this page doesn't know yet shows as recorded. */
export function actionLabel(action: string, t: T): string {
  const key = ACTIONS[action as keyof typeof ACTIONS];
  return key ? t(`actions.${key}`) : action;
}

function keyNames(value: unknown, t: T): string {
  const keys = Array.isArray(value) ? value : [];
  return keys
    .map((k) =>
      k === "apiKey" ? t("keys.apiKey") : k === "hmacKey" ? t("keys.hmacKey") : String(k),
    )
    .join(", ");
}

function limit(value: unknown, t: T, number: (n: number) => string): string {
  return typeof value === "number" ? number(value) : t("noLimit");
}

function scalar(value: unknown): string | null {
  if (typeof value === "string" || typeof value === "number" || typeof value === "boolean") {
    return String(value);
  }
  return null;
}

/** One short line saying what changed, from the entry's details (which never hold a secret). */
export function describeDetails(e: AuditEntry, t: T, number: (n: number) => string): string | null {
  const d = e.details;
  if (!d) return null;
  switch (e.action) {
    case "generation.created":
      return typeof d.prompt === "string" ? `“${d.prompt}”` : null;
    case "keys.changed":
    case "keys.removed": {
      const names = keyNames(d.keys, t);
      return typeof d.apiKeyHint === "string" ? `${names} (${d.apiKeyHint})` : names;
    }
    case "budget.changed": {
      const change = `${limit(d.from, t, number)} → ${limit(d.to, t, number)}`;
      return d.scope === "member" && typeof d.member === "string"
        ? t("memberBudget", { member: d.member, change })
        : t("workspaceBudget", { change });
    }
    default: {
      const parts = Object.entries(d)
        .map(([k, v]) => [k, scalar(v)] as const)
        .filter(([, v]) => v !== null)
        .map(([k, v]) => `${k}: ${v}`);
      return parts.length ? parts.join(" · ") : null;
    }
  }
}
