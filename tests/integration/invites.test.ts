import { describe, expect, it, vi } from "vitest";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { acceptInvite } from "@/lib/invites/accept-invite";
import { createInvite } from "@/lib/invites/create-invite";
import { getInvite } from "@/lib/invites/get-invite";
import { joiningWorkspace } from "@/lib/invites/joining-workspace";
import { listInvites } from "@/lib/invites/list-invites";
import { revokeInvite } from "@/lib/invites/revoke-invite";
import { changeMemberRole } from "@/lib/workspaces/change-member-role";
import { createWorkspace } from "@/lib/workspaces/create-workspace";
import { getMembership } from "@/lib/workspaces/get-membership";
import { removeMember } from "@/lib/workspaces/remove-member";
import { newWorkspace } from "../support/studio";

async function person() {
  const { userId } = await newWorkspace();
  const { email } = await db.user.findUniqueOrThrow({ where: { id: userId } });
  return { id: userId, email };
}

async function expectCode(promise: Promise<unknown>, code: string) {
  await expect(promise).rejects.toSatisfy((e) => e instanceof AppError && e.code === code);
}

async function setup() {
  const owner = await person();
  const workspace = await createWorkspace({ user: owner, name: "Invite Test" });
  const invite = (
    opts: { role?: "admin" | "member" | "viewer"; days?: number; singleUse?: boolean } = {},
  ) =>
    createInvite({
      workspace,
      actor: owner,
      role: opts.role ?? "member",
      expiresInDays: opts.days ?? 7,
      singleUse: opts.singleUse ?? false,
    });
  const tokenOf = (path: string) => path.replace("/invite/", "");
  return { owner, workspace, invite, tokenOf };
}

async function roleIn(userId: string, slug: string) {
  return (await getMembership({ userId, slug }).catch(() => null))?.role ?? null;
}

describe("invites", () => {
  it("a removal lasts: links made before it don't readmit the person; a link made after it does", async () => {
    const { owner, workspace, invite, tokenOf } = await setup();
    const teamLink = await invite({ role: "member" });
    const removed = await person();
    await acceptInvite({ token: tokenOf(teamLink.path), user: removed });
    await removeMember({ workspace, actor: { ...owner, role: "owner" }, userId: removed.id });

    // The reusable link they joined with still works for others, but not for them.
    await expect(acceptInvite({ token: tokenOf(teamLink.path), user: removed })).rejects.toSatisfy(
      (e) => e instanceof AppError && e.code === "forbidden" && /removed/.test(e.message),
    );
    expect(await roleIn(removed.id, workspace.slug)).toBeNull();
    // Their link page says why, instead of offering a Join that fails.
    expect(await getInvite(tokenOf(teamLink.path), removed.id)).toEqual({ status: "removed" });
    const other = await person();
    await acceptInvite({ token: tokenOf(teamLink.path), user: other });
    expect(await roleIn(other.id, workspace.slug)).toBe("member");

    // An admin invites them again on purpose: a link made after the removal lets them in.
    const again = await invite({ role: "viewer" });
    expect((await getInvite(tokenOf(again.path), removed.id)).status).toBe("valid");
    await acceptInvite({ token: tokenOf(again.path), user: removed });
    expect(await roleIn(removed.id, workspace.slug)).toBe("viewer");

    // Someone who left on their own may come back through a link they still have.
    await removeMember({ workspace, actor: { ...other, role: "member" }, userId: other.id });
    await acceptInvite({ token: tokenOf(teamLink.path), user: other });
    expect(await roleIn(other.id, workspace.slug)).toBe("member");
  });

  it("a link dies with its author's right to invite: a demoted admin cannot walk back in", async () => {
    const { owner, workspace, tokenOf } = await setup();
    const admin = await person();
    const adminInvite = await createInvite({
      workspace,
      actor: owner,
      role: "admin",
      expiresInDays: 7,
      singleUse: false,
    });
    await acceptInvite({ token: tokenOf(adminInvite.path), user: admin });
    // The admin makes a reusable admin link of their own, then is demoted to viewer.
    const own = await createInvite({
      workspace,
      actor: admin,
      role: "admin",
      expiresInDays: 30,
      singleUse: false,
    });
    await changeMemberRole({
      workspace,
      actor: { ...owner, role: "owner" },
      userId: admin.id,
      role: "viewer",
    });
    await expectCode(acceptInvite({ token: tokenOf(own.path), user: admin }), "conflict");
    expect(await roleIn(admin.id, workspace.slug)).toBe("viewer");
    const stored = await db.invite.findUniqueOrThrow({ where: { id: own.id } });
    expect(stored.revokedAt).not.toBeNull();
    // A link made by someone who still may invite keeps working.
    const newcomer = await person();
    await acceptInvite({ token: tokenOf(adminInvite.path), user: newcomer });
    expect(await roleIn(newcomer.id, workspace.slug)).toBe("admin");
  });

  it("stores only the token's hash; the link names the workspace and role and adds the person", async () => {
    const { owner, workspace, invite, tokenOf } = await setup();
    const created = await invite({ role: "viewer" });
    const token = tokenOf(created.path);
    expect(Buffer.from(token, "base64url")).toHaveLength(32);

    const row = await db.invite.findUniqueOrThrow({ where: { id: created.id } });
    expect(row.tokenHash).toMatch(/^[0-9a-f]{64}$/);
    expect(JSON.stringify(row)).not.toContain(token);
    const audit = await db.auditLog.findMany({ where: { workspaceId: workspace.id } });
    expect(JSON.stringify(audit)).not.toContain(token);

    expect(await getInvite(token)).toEqual({
      status: "valid",
      role: "viewer",
      workspace: { name: "Invite Test", slug: workspace.slug },
      visitorRole: null,
    });
    // The owner opening their own link is told they are in already.
    expect(await getInvite(token, owner.id)).toMatchObject({ visitorRole: "owner" });
    expect(await getInvite(`${token.slice(0, -2)}xx`)).toEqual({ status: "not_found" });
    // Signing in or up from the link says which workspace it leads to.
    expect(await joiningWorkspace(`/invite/${token}`)).toBe("Invite Test");
    for (const other of [`/invite/${token.slice(0, -2)}xx`, "/invite/%E0%A4%A", "/w/x", "/"]) {
      expect(await joiningWorkspace(other)).toBeNull();
    }

    const joiner = await person();
    expect(await acceptInvite({ token, user: joiner })).toEqual({ slug: workspace.slug });
    expect(await roleIn(joiner.id, workspace.slug)).toBe("viewer");
    // A multi-use link works for the next person too.
    const second = await person();
    await acceptInvite({ token, user: second });
    expect(await roleIn(second.id, workspace.slug)).toBe("viewer");
    expect(
      await db.auditLog.count({ where: { workspaceId: workspace.id, action: "member.added" } }),
    ).toBe(2);
  });

  it("keeps a higher role, raises a lower one", async () => {
    const { owner, workspace, invite, tokenOf } = await setup();
    await acceptInvite({ token: tokenOf((await invite({ role: "member" })).path), user: owner });
    expect(await roleIn(owner.id, workspace.slug)).toBe("owner");

    const viewer = await person();
    await acceptInvite({ token: tokenOf((await invite({ role: "viewer" })).path), user: viewer });
    await acceptInvite({ token: tokenOf((await invite({ role: "admin" })).path), user: viewer });
    expect(await roleIn(viewer.id, workspace.slug)).toBe("admin");
  });

  it("a single-use link lets one person in", async () => {
    const { workspace, invite, tokenOf } = await setup();
    const token = tokenOf((await invite({ singleUse: true })).path);
    const [a, b] = [await person(), await person()];
    const results = await Promise.allSettled([
      acceptInvite({ token, user: a }),
      acceptInvite({ token, user: b }),
    ]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    const roles = [await roleIn(a.id, workspace.slug), await roleIn(b.id, workspace.slug)];
    expect(roles.filter(Boolean)).toEqual(["member"]);
    expect(await getInvite(token)).toEqual({ status: "used" });
    // The one who got in, reopening the used link, is told they are in; the other is not told
    // which workspace it was.
    const [joined, missed] = roles[0] ? [a, b] : [b, a];
    expect(await getInvite(token, joined.id)).toEqual({
      status: "member",
      workspace: { name: "Invite Test", slug: workspace.slug },
      visitorRole: "member",
    });
    expect(await getInvite(token, missed.id)).toEqual({ status: "used" });
    // Listed as used, and no longer open.
    expect(await listInvites(workspace.id)).toMatchObject([
      { status: "used", open: false, uses: 1 },
    ]);
  });

  it("an expired link is dead", async () => {
    const { workspace, invite, tokenOf } = await setup();
    const token = tokenOf((await invite({ days: 1 })).path);
    vi.useFakeTimers({ now: Date.now() + 25 * 60 * 60 * 1000, toFake: ["Date"] });
    try {
      expect(await getInvite(token)).toEqual({ status: "expired" });
      expect(await listInvites(workspace.id)).toMatchObject([{ status: "expired", open: false }]);
      const late = await person();
      await expectCode(acceptInvite({ token, user: late }), "conflict");
      expect(await roleIn(late.id, workspace.slug)).toBeNull();
    } finally {
      vi.useRealTimers();
    }
  });

  it("a revoked link is dead at once, and only its own workspace can revoke it", async () => {
    const { owner, workspace, invite, tokenOf } = await setup();
    const created = await invite();
    const other = await createWorkspace({ user: owner, name: "Elsewhere" });
    await expectCode(
      revokeInvite({ workspace: other, actor: owner, inviteId: created.id }),
      "not_found",
    );
    expect((await listInvites(workspace.id)).map((i) => i.id)).toEqual([created.id]);

    await revokeInvite({ workspace, actor: owner, inviteId: created.id });
    expect(await listInvites(workspace.id)).toEqual([]);
    const token = tokenOf(created.path);
    expect(await getInvite(token)).toEqual({ status: "revoked" });
    await expectCode(acceptInvite({ token, user: await person() }), "conflict");
    expect(
      await db.auditLog.count({ where: { workspaceId: workspace.id, action: "invite.revoked" } }),
    ).toBe(1);
  });

  it("only admins and owners may invite (the permission table)", async () => {
    const { workspace, invite, tokenOf } = await setup();
    const roles = ["viewer", "member", "admin"] as const;
    const people = [];
    for (const role of roles) {
      const p = await person();
      await acceptInvite({ token: tokenOf((await invite({ role })).path), user: p });
      people.push(p);
    }
    const allowed = await Promise.all(
      people.map((p) =>
        getMembership({ userId: p.id, slug: workspace.slug, permission: "members.invite" }).then(
          () => true,
          () => false,
        ),
      ),
    );
    expect(allowed).toEqual([false, false, true]);
  });
});
