import { describe, expect, it, vi } from "vitest";
import { recordShareViewAction } from "@/lib/actions/sharing/record-share-view";
import { db } from "@/lib/db";
import { createShareLink } from "@/lib/sharing/create-share-link";
import { revokeShareLink } from "@/lib/sharing/revoke-share-link";
import { shareAccessCookie, shareAccessValue } from "@/lib/sharing/share-access";
import { newWorkspace } from "@/tests/support/studio";

// The visitor's cookies, as the action would read them from a browser.
const jar = vi.hoisted(() => new Map<string, string>());
vi.mock("next/headers", () => ({
  headers: async () => new Headers({ "x-forwarded-for": "203.0.113.7", "user-agent": "views" }),
  cookies: async () => ({
    get: (name: string) => (jar.has(name) ? { name, value: jar.get(name) } : undefined),
  }),
}));

const OPTIONS = { expiry: "never", allowDownload: false, showPrompt: false } as const;

async function galleryLink(password?: string) {
  const ctx = await newWorkspace();
  const actor = { id: ctx.userId, email: "owner@example.com" };
  const { url, link } = await createShareLink({
    workspaceId: ctx.workspace.id,
    actor,
    input: { ...OPTIONS, targetType: "gallery", ...(password && { password }) },
  });
  return { ctx, actor, link, token: url.split("/s/")[1] ?? "" };
}

const views = async (id: string) => (await db.shareLink.findUniqueOrThrow({ where: { id } })).views;

describe("counting a shared page's views", () => {
  it("counts each page load the browser reports", async () => {
    const { link, token } = await galleryLink();
    for (let i = 0; i < 3; i++) {
      expect(await recordShareViewAction({ token })).toEqual({ ok: true, data: { counted: true } });
    }
    expect(await views(link.id)).toBe(3);
  });

  it("counts nothing for a link that does not open: unknown, revoked, or locked", async () => {
    expect(await recordShareViewAction({ token: "no-such-token" })).toEqual({
      ok: true,
      data: { counted: false },
    });

    const revoked = await galleryLink();
    await revokeShareLink({
      workspaceId: revoked.ctx.workspace.id,
      actor: revoked.actor,
      role: "owner",
      shareLinkId: revoked.link.id,
    });
    expect(await recordShareViewAction({ token: revoked.token })).toMatchObject({
      data: { counted: false },
    });
    expect(await views(revoked.link.id)).toBe(0);

    const locked = await galleryLink("open sesame");
    expect(await recordShareViewAction({ token: locked.token })).toMatchObject({
      data: { counted: false },
    });
    expect(await views(locked.link.id)).toBe(0);
    // Unlocked by the password's cookie, it counts.
    const row = await db.shareLink.findUniqueOrThrow({ where: { id: locked.link.id } });
    jar.set(shareAccessCookie(row), shareAccessValue(row));
    expect(await recordShareViewAction({ token: locked.token })).toMatchObject({
      data: { counted: true },
    });
    expect(await views(locked.link.id)).toBe(1);
  });

  it("refuses malformed input without counting", async () => {
    for (const raw of [null, {}, { token: "" }, { token: 5 }, { token: "x".repeat(101) }]) {
      expect(await recordShareViewAction(raw)).toMatchObject({
        ok: false,
        error: { code: "invalid_input" },
      });
    }
  });
});
