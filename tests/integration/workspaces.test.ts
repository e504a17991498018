import { randomUUID } from "node:crypto";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { signInWithOAuth } from "@/lib/users/sign-in-with-oauth";
import { signOutEverywhere } from "@/lib/users/sign-out-everywhere";
import { changeMemberRole } from "@/lib/workspaces/change-member-role";
import { createWorkspace } from "@/lib/workspaces/create-workspace";
import { deleteWorkspace } from "@/lib/workspaces/delete-workspace";
import { getMembership } from "@/lib/workspaces/get-membership";
import { listMembers } from "@/lib/workspaces/list-members";
import { listWorkspaces } from "@/lib/workspaces/list-workspaces";
import { removeMember } from "@/lib/workspaces/remove-member";
import { renameWorkspace } from "@/lib/workspaces/rename-workspace";
import type { Role } from "@/lib/workspaces/roles";
import { transferOwnership } from "@/lib/workspaces/transfer-ownership";
import { newWorkspace } from "../support/studio";

// currentUser() reads the session cookie's claims; here the session is whatever the test says.
const session = vi.hoisted(() => ({ value: null as unknown }));
vi.mock("@/lib/auth/session-claims", () => ({
  sessionClaims: async () => session.value,
}));

async function person() {
  const { userId, workspace } = await newWorkspace();
  const { email } = await db.user.findUniqueOrThrow({ where: { id: userId } });
  return { id: userId, email, personal: workspace };
}

async function expectCode(promise: Promise<unknown>, code: string) {
  await expect(promise).rejects.toSatisfy((e) => e instanceof AppError && e.code === code);
}

/** A team workspace with one person in each role. */
async function team() {
  const [owner, admin, member, viewer] = await Promise.all([
    person(),
    person(),
    person(),
    person(),
  ]);
  const ws = await createWorkspace({ user: owner, name: "Night Shoot" });
  const workspace = await db.workspace.findUniqueOrThrow({ where: { id: ws.id } });
  for (const [p, role] of [
    [admin, "admin"],
    [member, "member"],
    [viewer, "viewer"],
  ] as const) {
    await db.membership.create({ data: { userId: p.id, workspaceId: ws.id, role } });
  }
  const as = (p: { id: string; email: string }, role: Role) => ({ ...p, role });
  return { owner, admin, member, viewer, workspace, as };
}

async function roleOf(userId: string, workspaceId: string) {
  const m = await db.membership.findUnique({
    where: { userId_workspaceId: { userId, workspaceId } },
  });
  return m?.role ?? null;
}

describe("workspaces", () => {
  it("creates team workspaces with unique slugs and lists them after the personal one", async () => {
    const me = await person();
    const a = await createWorkspace({ user: me, name: "Spring Campaign" });
    const b = await createWorkspace({ user: me, name: "Spring Campaign" });
    const c = await createWorkspace({ user: me, name: "春季广告" });
    expect(a.slug).toMatch(/^spring-campaign(-[0-9a-f]{6})?$/);
    expect(b.slug).not.toBe(a.slug);
    expect(c.slug).toMatch(/^team/);
    const list = await listWorkspaces(me.id);
    expect(list.map((w) => w.slug)).toEqual([me.personal.slug, a.slug, b.slug, c.slug]);
    expect(list.slice(1).every((w) => w.role === "owner" && !w.personal)).toBe(true);
    // Switching is the URL: the creator can open it, a stranger cannot tell it exists.
    const stranger = await person();
    await expect(getMembership({ userId: me.id, slug: a.slug })).resolves.toMatchObject({
      role: "owner",
    });
    await expectCode(getMembership({ userId: stranger.id, slug: a.slug }), "not_found");
    const audit = await db.auditLog.findFirst({ where: { workspaceId: a.id } });
    expect(audit).toMatchObject({ action: "workspace.created", actorId: me.id });
  });

  it("renames without changing the address", async () => {
    const me = await person();
    const ws = await createWorkspace({ user: me, name: "Old name" });
    await renameWorkspace({ workspace: ws, actor: me, name: "New name" });
    const row = await db.workspace.findUniqueOrThrow({ where: { id: ws.id } });
    expect(row).toMatchObject({ name: "New name", slug: ws.slug });
    expect(
      await db.auditLog.count({ where: { workspaceId: ws.id, action: "workspace.renamed" } }),
    ).toBe(1);
  });

  it("deletes a team workspace only with its name typed, and never a personal one", async () => {
    const me = await person();
    const ws = await createWorkspace({ user: me, name: "Scratch" });
    const full = { ...ws, personal: false };
    await expectCode(
      deleteWorkspace({ workspace: full, actor: me, confirmName: "scratch" }),
      "invalid_input",
    );
    await deleteWorkspace({ workspace: full, actor: me, confirmName: "Scratch" });
    expect(await db.workspace.findUnique({ where: { id: ws.id } })).toBeNull();
    expect(await db.membership.count({ where: { workspaceId: ws.id } })).toBe(0);

    const personal = await db.workspace.findUniqueOrThrow({ where: { id: me.personal.id } });
    await expectCode(
      deleteWorkspace({ workspace: personal, actor: me, confirmName: personal.name }),
      "forbidden",
    );
    expect(await db.workspace.findUnique({ where: { id: personal.id } })).not.toBeNull();
  });

  it("transfers ownership to a member; the old owner stays as admin", async () => {
    const t = await team();
    await expectCode(
      transferOwnership({ workspace: t.workspace, actor: t.owner, toUserId: (await person()).id }),
      "not_found",
    );
    await transferOwnership({ workspace: t.workspace, actor: t.owner, toUserId: t.member.id });
    expect(await roleOf(t.member.id, t.workspace.id)).toBe("owner");
    expect(await roleOf(t.owner.id, t.workspace.id)).toBe("admin");
    const personal = await db.workspace.findUniqueOrThrow({ where: { id: t.owner.personal.id } });
    await expectCode(
      transferOwnership({ workspace: personal, actor: t.owner, toUserId: t.member.id }),
      "forbidden",
    );
  });
});

describe("who may change whom", () => {
  it("admins manage members and admins but cannot make or unmake owners", async () => {
    const t = await team();
    const admin = t.as(t.admin, "admin");
    await changeMemberRole({
      workspace: t.workspace,
      actor: admin,
      userId: t.viewer.id,
      role: "member",
    });
    expect(await roleOf(t.viewer.id, t.workspace.id)).toBe("member");
    await expectCode(
      changeMemberRole({
        workspace: t.workspace,
        actor: admin,
        userId: t.member.id,
        role: "owner",
      }),
      "forbidden",
    );
    await expectCode(
      changeMemberRole({ workspace: t.workspace, actor: admin, userId: t.owner.id, role: "admin" }),
      "forbidden",
    );
    await expectCode(
      removeMember({ workspace: t.workspace, actor: admin, userId: t.owner.id }),
      "forbidden",
    );
    await removeMember({ workspace: t.workspace, actor: admin, userId: t.viewer.id });
    expect(await roleOf(t.viewer.id, t.workspace.id)).toBeNull();
    const log = await db.auditLog.findMany({
      where: { workspaceId: t.workspace.id },
      orderBy: { createdAt: "asc" },
    });
    expect(log.map((l) => l.action)).toEqual([
      "workspace.created",
      "member.role-changed",
      "member.removed",
    ]);
    // The log names whose role changed, so it reads without looking the id up.
    expect(JSON.parse(log[1]?.details ?? "null")).toEqual({
      email: t.viewer.email,
      from: "viewer",
      to: "member",
    });
  });

  it("members and viewers change nobody", async () => {
    const t = await team();
    for (const actor of [t.as(t.member, "member"), t.as(t.viewer, "viewer")]) {
      await expectCode(
        changeMemberRole({ workspace: t.workspace, actor, userId: t.admin.id, role: "viewer" }),
        "forbidden",
      );
      await expectCode(
        removeMember({ workspace: t.workspace, actor, userId: t.admin.id }),
        "forbidden",
      );
    }
    // The actions' own gate, from the permission table, turns them away before that.
    await expectCode(
      getMembership({ userId: t.member.id, slug: t.workspace.slug, permission: "members.manage" }),
      "forbidden",
    );
  });

  it("owners grant and revoke ownership, but the last owner stays", async () => {
    const t = await team();
    const owner = t.as(t.owner, "owner");
    await expectCode(
      changeMemberRole({ workspace: t.workspace, actor: owner, userId: t.owner.id, role: "admin" }),
      "conflict",
    );
    await expectCode(
      removeMember({ workspace: t.workspace, actor: owner, userId: t.owner.id }),
      "conflict",
    );
    await changeMemberRole({
      workspace: t.workspace,
      actor: owner,
      userId: t.admin.id,
      role: "owner",
    });
    // Two owners now: either may step down, and one may remove the other.
    await changeMemberRole({
      workspace: t.workspace,
      actor: owner,
      userId: t.owner.id,
      role: "admin",
    });
    expect(await roleOf(t.owner.id, t.workspace.id)).toBe("admin");
    await expectCode(
      changeMemberRole({
        workspace: t.workspace,
        actor: t.as(t.admin, "owner"),
        userId: t.admin.id,
        role: "member",
      }),
      "conflict",
    );
  });

  it("anyone can leave except the last owner", async () => {
    const t = await team();
    await removeMember({
      workspace: t.workspace,
      actor: t.as(t.viewer, "viewer"),
      userId: t.viewer.id,
    });
    await removeMember({
      workspace: t.workspace,
      actor: t.as(t.member, "member"),
      userId: t.member.id,
    });
    await expectCode(
      removeMember({ workspace: t.workspace, actor: t.as(t.owner, "owner"), userId: t.owner.id }),
      "conflict",
    );
    expect((await listMembers(t.workspace.id)).map((m) => m.role)).toEqual(["owner", "admin"]);
    expect(
      await db.auditLog.count({ where: { workspaceId: t.workspace.id, action: "member.left" } }),
    ).toBe(2);
  });
});

describe("sign-in", () => {
  beforeEach(() => {
    session.value = null;
  });

  it("sign out everywhere ends sessions issued before it", async () => {
    const { currentUser } = await import("@/lib/auth/session");
    const me = await person();
    session.value = { userId: me.id, sessionVersion: 0 };
    expect(await currentUser()).toEqual({ id: me.id, email: me.email });
    await signOutEverywhere(me.id);
    expect(await currentUser()).toBeNull();
    // A session issued after it (carrying the new version) works.
    session.value = { userId: me.id, sessionVersion: 1 };
    expect(await currentUser()).toEqual({ id: me.id, email: me.email });
  });

  it("OAuth: creates a person with a workspace, links by verified email, refuses no email", async () => {
    // A password account never proved its address: a verified sign-in is not linked to it.
    const existing = await person();
    await expectCode(
      signInWithOAuth({
        provider: "github",
        providerAccountId: `gh-${randomUUID()}`,
        verifiedEmail: existing.email.toUpperCase(),
      }),
      "conflict",
    );
    expect(await db.account.count({ where: { userId: existing.id } })).toBe(0);

    const googleId = `g-${randomUUID()}`;
    const email = `oauth-${randomUUID()}@example.com`;
    const created = await signInWithOAuth({
      provider: "google",
      providerAccountId: googleId,
      verifiedEmail: email,
      name: "Ada Lovelace",
    });
    const workspaces = await listWorkspaces(created.userId);
    expect(workspaces).toHaveLength(1);
    expect(workspaces[0]).toMatchObject({ personal: true, role: "owner", name: "Ada Lovelace" });
    // The second time it is found by the account, whatever the email says now.
    const again = await signInWithOAuth({
      provider: "google",
      providerAccountId: googleId,
      verifiedEmail: null,
    });
    expect(again.userId).toBe(created.userId);
    expect(await db.account.count({ where: { userId: created.userId } })).toBe(1);
    // Another provider with the same verified address joins the same person.
    const linked = await signInWithOAuth({
      provider: "github",
      providerAccountId: `gh-${randomUUID()}`,
      verifiedEmail: email.toUpperCase(),
    });
    expect(linked.userId).toBe(created.userId);

    await expectCode(
      signInWithOAuth({
        provider: "github",
        providerAccountId: `gh-${randomUUID()}`,
        verifiedEmail: null,
      }),
      "forbidden",
    );
  });
});
