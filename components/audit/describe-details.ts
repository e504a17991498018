import type { getTranslations } from "next-intl/server";
import type { AuditEntry } from "@/lib/audit/list-audit-log";

type T = Awaited<ReturnType<typeof getTranslations<"audit">>>;

/** What a description needs besides the entry: words, role names and the reader's formats. */
export interface DescribeContext {
  t: T;
  role: (role: string) => string;
  number: (n: number) => string;
  date: (d: Date) => string;
}

const ACTIONS = {
  "generation.created": "generationCreated",
  "generation.retried": "generationRetried",
  "generation.cancelled": "generationCancelled",
  "generation.deleted": "generationDeleted",
  "keys.changed": "keysChanged",
  "keys.removed": "keysRemoved",
  "budget.changed": "budgetChanged",
  "content-filter.changed": "contentFilterChanged",
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

const SHARE_TARGETS = ["generation", "collection", "gallery"] as const;

/** The action in words; an action this page doesn't know yet shows as recorded. */
export function actionLabel(action: string, t: T): string {
  const key = ACTIONS[action as keyof typeof ACTIONS];
  return key ? t(`actions.${key}`) : action;
}

// Details are JSON written by the studio itself, but older entries may lack a field: every read
// checks its type and a missing part is left out of the line rather than shown as "undefined".
const text = (v: unknown): string | null => (typeof v === "string" && v !== "" ? v : null);
const count = (v: unknown): number | null => (typeof v === "number" ? v : null);

function keyNames(value: unknown, t: T): string {
  const keys = Array.isArray(value) ? value : [];
  return keys
    .map((k) =>
      k === "apiKey" ? t("keys.apiKey") : k === "hmacKey" ? t("keys.hmacKey") : String(k),
    )
    .join(", ");
}

function limit(value: unknown, c: DescribeContext): string {
  const n = count(value);
  return n === null ? c.t("noLimit") : c.number(n);
}

function joined(parts: (string | null | undefined | false)[]): string | null {
  const kept = parts.filter((p): p is string => typeof p === "string" && p !== "");
  return kept.length ? kept.join(" · ") : null;
}

function shareCreated(d: Record<string, unknown>, c: DescribeContext): string | null {
  const target = SHARE_TARGETS.find((s) => s === d.targetType);
  const expiresAt = text(d.expiresAt);
  const expiry = expiresAt ? new Date(expiresAt) : null;
  return joined([
    target && c.t(`details.shareTarget.${target}`),
    expiry && !Number.isNaN(expiry.getTime())
      ? c.t("details.expires", { date: c.date(expiry) })
      : d.expiresAt === null && c.t("details.noExpiry"),
    d.password === true && c.t("details.password"),
    d.allowDownload === true && c.t("details.downloads"),
    d.showPrompt === false && c.t("details.promptHidden"),
  ]);
}

function inviteCreated(d: Record<string, unknown>, c: DescribeContext): string | null {
  const role = text(d.role);
  const days = count(d.expiresInDays);
  return joined([
    role && c.t("details.asRole", { role: c.role(role) }),
    days !== null && c.t("details.expiresIn", { count: days }),
    d.singleUse === true && c.t("details.singleUse"),
  ]);
}

function memberAdded(d: Record<string, unknown>, c: DescribeContext): string | null {
  const role = text(d.role);
  const from = text(d.from);
  return joined([
    text(d.email),
    from && role
      ? c.t("details.change", { from: c.role(from), to: c.role(role) })
      : role && c.t("details.asRole", { role: c.role(role) }),
    d.via === "invite" && c.t("details.viaInvite"),
  ]);
}

/** One short line saying what changed, in the reader's language (details never hold a secret). */
export function describeDetails(e: AuditEntry, c: DescribeContext): string | null {
  const d = e.details;
  if (!d) return null;
  const { t } = c;
  switch (e.action) {
    case "generation.created": {
      const prompt = text(d.prompt);
      return prompt && t("details.quoted", { text: prompt });
    }
    case "keys.changed":
    case "keys.removed": {
      const names = keyNames(d.keys, t);
      const hint = text(d.apiKeyHint);
      return joined([names, hint]);
    }
    case "content-filter.changed":
      return typeof d.on === "boolean" ? t(d.on ? "details.turnedOn" : "details.turnedOff") : null;
    case "budget.changed": {
      const change = t("details.change", { from: limit(d.from, c), to: limit(d.to, c) });
      const member = text(d.member);
      return d.scope === "member" && member
        ? t("memberBudget", { member, change })
        : t("workspaceBudget", { change });
    }
    case "member.added":
      return memberAdded(d, c);
    case "member.role-changed": {
      // Changed in Members ({from, to}) or raised by accepting an invite ({from, role, via}).
      const from = text(d.from);
      const to = text(d.to) ?? text(d.role);
      return joined([
        text(d.email),
        from && to && t("details.change", { from: c.role(from), to: c.role(to) }),
        d.via === "invite" && t("details.viaInvite"),
      ]);
    }
    case "member.removed":
    case "member.left": {
      const role = text(d.role);
      return joined([text(d.email), role && c.role(role)]);
    }
    case "invite.created":
      return inviteCreated(d, c);
    case "share.created":
      return shareCreated(d, c);
    case "share.revoked":
      return d.own === false ? t("details.othersLink") : null;
    case "workspace.created": {
      const name = text(d.name);
      return name && t("details.quoted", { text: name });
    }
    case "workspace.renamed": {
      const from = text(d.from);
      const to = text(d.to);
      return from && to
        ? t("details.change", {
            from: t("details.quoted", { text: from }),
            to: t("details.quoted", { text: to }),
          })
        : null;
    }
    case "workspace.transferred": {
      const to = text(d.to);
      return to && t("details.transferredTo", { email: to });
    }
    default:
      return null;
  }
}
