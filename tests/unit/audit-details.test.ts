import { createFormatter, createTranslator } from "next-intl";
import { describe, expect, it } from "vitest";
import { type DescribeContext, describeDetails } from "@/components/audit/describe-details";
import { generationOf } from "@/lib/audit/generation-of";
import type { AuditEntry } from "@/lib/audit/list-audit-log";
import { isRole } from "@/lib/workspaces/roles";
import en from "@/messages/en.json";
import zh from "@/messages/zh-CN.json";

// The real message files, so a missing or misspelt key fails here rather than on the page.
function contextFor(locale: "en" | "zh-CN"): DescribeContext {
  const messages = locale === "en" ? en : zh;
  const t = createTranslator({ locale, messages, namespace: "audit" });
  const roles = createTranslator({ locale, messages, namespace: "workspaces.roles" });
  const format = createFormatter({ locale, timeZone: "UTC" });
  return {
    // The page's translator type comes from getTranslations; createTranslator's is the same shape.
    t: t as unknown as DescribeContext["t"],
    role: (r) => (isRole(r) ? roles(r) : r),
    number: (n) => format.number(n),
    date: (d) => format.dateTime(d, { dateStyle: "medium" }),
  };
}

function entry(action: string, details: Record<string, unknown> | null): AuditEntry {
  return {
    id: "a1",
    action,
    actorEmail: "owner@example.com",
    targetType: null,
    targetId: null,
    details,
    ip: null,
    userAgent: null,
    createdAt: "2026-11-25T08:00:00.000Z",
  };
}

const en_ = contextFor("en");
const zh_ = contextFor("zh-CN");

describe("audit details in words", () => {
  it("describes a share link by what it shares and its settings, not by field names", () => {
    const e = entry("share.created", {
      targetType: "collection",
      generationId: null,
      collectionId: "c1",
      expiresAt: "2026-12-02T08:00:00.000Z",
      password: true,
      allowDownload: true,
      showPrompt: false,
    });
    expect(describeDetails(e, en_)).toBe(
      "A collection · expires Dec 2, 2026 · password · downloads allowed · prompt hidden",
    );
    expect(describeDetails(e, zh_)).toBe(
      "合集 · 2026年12月2日 到期 · 有密码 · 允许下载 · 隐藏提示词",
    );
  });

  it("says a link without an expiry never expires, and leaves out settings that are off", () => {
    const e = entry("share.created", {
      targetType: "generation",
      generationId: "g1",
      expiresAt: null,
      password: false,
      allowDownload: false,
      showPrompt: true,
    });
    expect(describeDetails(e, en_)).toBe("A video · never expires");
    expect(generationOf(e)).toBe("g1");
  });

  it("names invite roles and expiry in the reader's language", () => {
    const e = entry("invite.created", { role: "viewer", expiresInDays: 7, singleUse: true });
    expect(describeDetails(e, en_)).toBe("as Viewer · expires in 7 days · single use");
    expect(describeDetails(e, zh_)).toBe("角色：查看者 · 7 天后到期 · 仅限一次");
    expect(describeDetails(entry("invite.created", { role: "admin", expiresInDays: 1 }), en_)).toBe(
      "as Admin · expires in 1 day",
    );
  });

  it("shows who joined or changed role, and how", () => {
    expect(
      describeDetails(
        entry("member.added", {
          email: "new@example.com",
          role: "member",
          via: "invite",
          inviteId: "i1",
        }),
        en_,
      ),
    ).toBe("new@example.com · as Member · by invite");
    expect(
      describeDetails(
        entry("member.role-changed", { email: "m@example.com", from: "member", to: "admin" }),
        zh_,
      ),
    ).toBe("m@example.com · 成员 → 管理员");
    // Accepting an invite with a higher role records the raise in the invite's own shape.
    expect(
      describeDetails(
        entry("member.role-changed", {
          email: "v@example.com",
          role: "member",
          via: "invite",
          inviteId: "i2",
          from: "viewer",
        }),
        en_,
      ),
    ).toBe("v@example.com · Viewer → Member · by invite");
    // Entries written before the email was recorded still read well.
    expect(
      describeDetails(entry("member.role-changed", { from: "viewer", to: "member" }), en_),
    ).toBe("Viewer → Member");
  });

  it("quotes renames and shows budgets with the reader's number format", () => {
    expect(describeDetails(entry("workspace.renamed", { from: "Old", to: "新名字" }), en_)).toBe(
      "“Old” → “新名字”",
    );
    expect(
      describeDetails(entry("budget.changed", { scope: "workspace", from: null, to: 12000 }), en_),
    ).toBe("Workspace: no limit → 12,000");
  });

  it("never prints a raw field name, an ISO date or 'undefined', whatever the details hold", () => {
    const odd = [
      entry("share.created", { targetType: "nonsense", expiresAt: "not a date" }),
      entry("share.revoked", { own: true }),
      entry("invite.created", {}),
      entry("workspace.transferred", { to: 5 }),
      entry("future.action", { someField: "x" }),
    ];
    for (const e of odd) {
      for (const c of [en_, zh_]) {
        const line = describeDetails(e, c) ?? "";
        expect(line).not.toMatch(/undefined|null|targetType|someField|:\s|T\d\d:/);
      }
    }
    expect(describeDetails(entry("share.revoked", { own: false }), en_)).toBe(
      "someone else’s link",
    );
  });
});
