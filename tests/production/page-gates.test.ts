import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { can, type Permission } from "@/lib/workspaces/permissions";
import type { Role } from "@/lib/workspaces/roles";
import { type AppInstance, freePort, startAppInstance } from "@/tests/support/app-instance";
import { signedUpPerson } from "@/tests/support/signed-up-person";

// The settings pages, rendered by the production server for each role of one team: what each
// page shows or withholds must be what the permission table grants that role.
const AUTH_SECRET = "page-gates-auth-secret-0123456789ab";
const dir = mkdtempSync(join(tmpdir(), "studio-page-gates-"));
let app: AppInstance;
let slug = "";
const cookies = new Map<Role | "stranger", string>();
const ROLES: Role[] = ["owner", "admin", "member", "viewer"];

beforeAll(async () => {
  const port = await freePort();
  const env = {
    DATABASE_URL: `file:${join(dir, "studio.db")}`,
    APP_URL: `http://127.0.0.1:${port}`,
    MEDIA_DIR: join(dir, "media"),
    // Nothing here talks to kie.ai.
    SIMULATOR_URL: "http://127.0.0.1:9",
    AUTH_SECRET,
  };
  Object.assign(process.env, env);
  app = await startAppInstance(env, port);
  const { db } = await import("@/lib/db");
  const people = await Promise.all(
    [...ROLES, "stranger" as const].map(async (role) => ({
      role,
      ...(await signedUpPerson(role, AUTH_SECRET)),
    })),
  );
  slug = `gates-${Date.now().toString(36)}`;
  const workspace = await db.workspace.create({
    data: {
      name: "Gates",
      slug,
      memberships: {
        create: people
          .filter((p) => p.role !== "stranger")
          .map((p) => ({ userId: p.userId, role: p.role as Role })),
      },
    },
  });
  for (const p of people) cookies.set(p.role, p.cookie);
  // One entry for the audit page to show those allowed, and to withhold from the rest.
  const owner = people.find((p) => p.role === "owner");
  await db.auditLog.create({
    data: {
      workspaceId: workspace.id,
      actorId: owner?.userId ?? null,
      actorEmail: owner?.email ?? null,
      action: "workspace.renamed",
    },
  });
}, 180_000);

afterAll(async () => {
  await app?.stop();
  rmSync(dir, { recursive: true, force: true });
});

async function page(
  who: Role | "stranger",
  path: string,
): Promise<{ status: number; html: string }> {
  const res = await fetch(`${app.url}/w/${slug}/settings${path}`, {
    headers: { cookie: cookies.get(who) ?? "" },
    redirect: "manual",
  });
  return { status: res.status, html: await res.text() };
}

const has = (html: string, testId: string) => html.includes(`data-testid="${testId}"`);

// Each admin-only page, the permission it stands for, and what it shows when allowed.
const ADMIN_PAGES: [string, Permission, string][] = [
  ["/kie", "settings.keys", "key-apiKey"],
  ["/audit", "audit.view", "audit-log"],
];

describe.each(ROLES)("settings pages as %s", (role) => {
  it.each(ADMIN_PAGES)(
    "%s is shown exactly when the role has %s",
    async (path, permission, shown) => {
      const { status, html } = await page(role, path);
      expect(status).toBe(200);
      const allowed = can(role, permission);
      expect(has(html, "admin-only")).toBe(!allowed);
      expect(has(html, shown)).toBe(allowed);
    },
  );

  it("the members page lists everyone, and offers invites exactly with members.invite", async () => {
    const { status, html } = await page(role, "/members");
    expect(status).toBe(200);
    expect(can(role, "members.view")).toBe(true);
    expect(html.match(/data-testid="member-row"/g)?.length).toBe(ROLES.length);
    expect(has(html, "invite-form")).toBe(can(role, "members.invite"));
  });

  it("the settings menu links only the pages the role may open", async () => {
    const { html } = await page(role, "/members");
    for (const [path, permission] of ADMIN_PAGES) {
      expect(html.includes(`href="/w/${slug}/settings${path}"`)).toBe(can(role, permission));
    }
  });
});

describe("settings pages as someone outside the workspace", () => {
  it.each(["", "/members", "/kie", "/audit"])("%s is not found", async (path) => {
    const { status, html } = await page("stranger", path);
    expect(status).toBe(404);
    expect(html).not.toContain("Gates");
  });
});

describe("a studio page opened signed out", () => {
  it.each([
    "",
    "/g/some-video",
    "/settings/members",
    "/collections?view=grid&q=%E6%A9%98%E7%8C%AB",
  ])("%s sends the visitor to sign in, and back there afterwards", async (path) => {
    const asked = `/w/${slug}${path}`;
    const res = await fetch(`${app.url}${asked}`, { redirect: "manual" });
    expect(res.status).toBe(307);
    const location = new URL(res.headers.get("location") ?? "", app.url);
    expect(location.pathname).toBe("/sign-in");
    expect(location.searchParams.get("callbackUrl")).toBe(asked);
  });

  it("goes back only to the page asked for, whatever the request claims", async () => {
    const asked = `/w/${slug}/collections`;
    const res = await fetch(`${app.url}${asked}`, {
      redirect: "manual",
      headers: { "x-request-path": "//evil.example/steal" },
    });
    const location = new URL(res.headers.get("location") ?? "", app.url);
    expect(location.origin).toBe(new URL(app.url).origin);
    expect(location.searchParams.get("callbackUrl")).toBe(asked);
  });
});
