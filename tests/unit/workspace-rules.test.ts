import { describe, expect, it } from "vitest";
import { safeCallbackUrl } from "@/lib/auth/callback-url";
import { verifiedEmailOf } from "@/lib/auth/oauth-providers";
import { isSessionCurrent } from "@/lib/auth/session-version";
import { inviteStatus } from "@/lib/invites/invite-status";
import { removalRefusal, roleChangeRefusal } from "@/lib/workspaces/member-rules";
import { can } from "@/lib/workspaces/permissions";
import { ROLES } from "@/lib/workspaces/roles";
import { slugBase } from "@/lib/workspaces/slug";

describe("role changes: every actor × target × new role", () => {
  // Expected outcome with two owners (so the last-owner rule does not apply).
  const expected = (actor: string, target: string, next: string) => {
    if (actor === "owner") return null;
    if (actor === "admin") return target === "owner" || next === "owner" ? "forbidden" : null;
    return "forbidden";
  };
  for (const actor of ROLES)
    for (const target of ROLES)
      for (const next of ROLES) {
        it(`${actor} sets ${target} → ${next}`, () => {
          expect(
            roleChangeRefusal({
              actorRole: actor,
              targetRole: target,
              newRole: next,
              ownerCount: 2,
            }),
          ).toBe(expected(actor, target, next));
        });
      }

  it("the last owner cannot be demoted, removed, or leave", () => {
    expect(
      roleChangeRefusal({
        actorRole: "owner",
        targetRole: "owner",
        newRole: "admin",
        ownerCount: 1,
      }),
    ).toBe("last_owner");
    expect(
      removalRefusal({ actorRole: "owner", targetRole: "owner", ownerCount: 1, self: true }),
    ).toBe("last_owner");
    expect(
      removalRefusal({ actorRole: "owner", targetRole: "owner", ownerCount: 2, self: true }),
    ).toBeNull();
  });

  it("anyone may leave; only admins remove others; only owners remove owners", () => {
    for (const role of ROLES) {
      expect(
        removalRefusal({ actorRole: role, targetRole: role, ownerCount: 2, self: true }),
      ).toBeNull();
    }
    expect(
      removalRefusal({ actorRole: "member", targetRole: "viewer", ownerCount: 1, self: false }),
    ).toBe("forbidden");
    expect(
      removalRefusal({ actorRole: "admin", targetRole: "admin", ownerCount: 1, self: false }),
    ).toBeNull();
    expect(
      removalRefusal({ actorRole: "admin", targetRole: "owner", ownerCount: 2, self: false }),
    ).toBe("forbidden");
    expect(
      removalRefusal({ actorRole: "owner", targetRole: "owner", ownerCount: 2, self: false }),
    ).toBeNull();
  });
});

describe("sessions, links and names", () => {
  it("a session is current only with the person's version (none counts as 0)", () => {
    expect(isSessionCurrent(undefined, 0)).toBe(true);
    expect(isSessionCurrent(0, 0)).toBe(true);
    expect(isSessionCurrent(undefined, 1)).toBe(false);
    expect(isSessionCurrent(1, 2)).toBe(false);
  });

  it("after sign-in, goes only to a path on this site", () => {
    expect(safeCallbackUrl("/invite/abc")).toBe("/invite/abc");
    for (const bad of [
      "//evil.example",
      "/\\evil.example",
      "https://evil.example",
      undefined,
      "/a\nb",
    ]) {
      expect(safeCallbackUrl(bad)).toBe("/");
    }
  });

  it("an invite is dead when revoked, used up or expired", () => {
    const now = new Date("2026-01-10T00:00:00Z");
    const base = {
      revokedAt: null,
      expiresAt: new Date("2026-01-11T00:00:00Z"),
      singleUse: false,
      uses: 3,
    };
    expect(inviteStatus(base, now)).toBe("valid");
    expect(inviteStatus({ ...base, singleUse: true, uses: 1 }, now)).toBe("used");
    expect(inviteStatus({ ...base, expiresAt: now }, now)).toBe("expired");
    expect(inviteStatus({ ...base, revokedAt: now, expiresAt: now }, now)).toBe("revoked");
  });

  it("only a provider-verified email links accounts", () => {
    expect(verifiedEmailOf({ email: "a@b.co", email_verified: true })).toBe("a@b.co");
    expect(verifiedEmailOf({ email: "a@b.co", email_verified: false })).toBeNull();
    expect(verifiedEmailOf({ email: "a@b.co" })).toBeNull();
    expect(verifiedEmailOf(undefined)).toBeNull();
  });

  it("slugs are readable and never a reserved path", () => {
    expect(slugBase("Spring Campaign 2026!")).toBe("spring-campaign-2026");
    expect(slugBase("Café Crème")).toBe("cafe-creme");
    expect(slugBase("春季广告")).toBe("team");
    expect(slugBase("New")).toBe("team");
  });
});

describe("media links ride on generation DTOs", () => {
  // A generation's DTO carries a signed link to its video (lib/media/play-link.ts), so whoever may
  // be sent one must be allowed to see the media: raise media.view, and this fails until the DTO
  // stops carrying the link for the roles below it.
  const sentDtos = ["gallery.view", "generation.view", "generation.create"] as const;
  for (const permission of sentDtos) {
    it(`every role with ${permission} may view media`, () => {
      const holders = ROLES.filter((role) => can(role, permission));
      expect(holders.length).toBeGreaterThan(0);
      for (const role of holders) expect(can(role, "media.view"), role).toBe(true);
    });
  }
});
