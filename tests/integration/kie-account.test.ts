import { afterEach, describe, expect, it } from "vitest";
import { sealSecret } from "@/lib/crypto/secret-box";
import { db } from "@/lib/db";
import { listGenerations } from "@/lib/generations/list-generations";
import { getCredits } from "@/lib/kie-account/get-credits";
import { getKieSettings } from "@/lib/kie-account/get-kie-settings";
import {
  kieClientFor,
  UNREADABLE_KEY_MESSAGE,
  webhookHmacKeyFor,
} from "@/lib/kie-account/kie-client-for";
import { removeKieKey } from "@/lib/kie-account/remove-kie-key";
import { setKieKeys } from "@/lib/kie-account/set-kie-keys";
import { testKieKey } from "@/lib/kie-account/test-kie-key";
import { can } from "@/lib/workspaces/permissions";
import { HMAC_KEY } from "@/tests/support/integration-setup";
import { generate, newWorkspace, studio, waitForState } from "@/tests/support/studio";

const WORKSPACE_KEY = "kie-workspace-key-7f3a9c2e1b";

async function admin() {
  const ctx = await newWorkspace();
  const user = await db.user.findUniqueOrThrow({
    where: { id: ctx.userId },
    select: { id: true, email: true },
  });
  return { ...ctx, actor: user };
}

afterEach(() => {
  studio().sim.configure({ apiKeys: null });
});

describe("the workspace's kie.ai account", () => {
  it("a workspace with its own key generates with it; one without uses the server's", async () => {
    const own = await admin();
    const other = await admin();
    await setKieKeys({ workspaceId: own.workspace.id, actor: own.actor, apiKey: WORKSPACE_KEY });
    // kie.ai (the simulator) now accepts only the workspace's key.
    studio().sim.configure({ apiKeys: [WORKSPACE_KEY] });

    const mine = await generate(own, "山间云海，日出，缓慢航拍");
    const theirs = await generate(other, "城市夜景，霓虹灯，延时摄影");
    expect((await waitForState(mine.id, ["success"])).credits).toBe(57);
    const refused = await waitForState(theirs.id, ["error"]);
    expect(refused.failCode).toBe("401");
  });

  it("Test key reports the balance for a good key and kie's refusal for a bad one", async () => {
    const ctx = await admin();
    studio().sim.configure({ apiKeys: [WORKSPACE_KEY] });
    const good = await testKieKey({ workspaceId: ctx.workspace.id, apiKey: WORKSPACE_KEY });
    expect(good).toEqual({ ok: true, credits: expect.any(Number) });
    const bad = await testKieKey({ workspaceId: ctx.workspace.id, apiKey: "kie-wrong-key-000000" });
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(bad.message).toMatch(/API key was rejected/);
    // Nothing typed: the key in use (here the server's, which the simulator now refuses).
    expect((await testKieKey({ workspaceId: ctx.workspace.id })).ok).toBe(false);
  });

  it("settings show only whether keys are set and the mask; removing goes back to the default", async () => {
    const ctx = await admin();
    await setKieKeys({
      workspaceId: ctx.workspace.id,
      actor: ctx.actor,
      apiKey: WORKSPACE_KEY,
      hmacKey: "workspace-hmac-key-123",
    });
    const settings = await getKieSettings(ctx.workspace.id);
    expect(settings.apiKey).toEqual({ status: "set", hint: `••••${WORKSPACE_KEY.slice(-4)}` });
    expect(settings.hmacKey).toEqual({ status: "set" });
    expect(JSON.stringify(settings)).not.toContain(WORKSPACE_KEY);
    expect(await webhookHmacKeyFor(ctx.workspace.id)).toBe("workspace-hmac-key-123");

    await removeKieKey({ workspaceId: ctx.workspace.id, actor: ctx.actor, which: "hmacKey" });
    // Its own account without its own HMAC key: callbacks are checked by their token alone.
    expect(await webhookHmacKeyFor(ctx.workspace.id)).toBeUndefined();
    await removeKieKey({ workspaceId: ctx.workspace.id, actor: ctx.actor, which: "apiKey" });
    expect(await webhookHmacKeyFor(ctx.workspace.id)).toBe(HMAC_KEY);
    expect((await getKieSettings(ctx.workspace.id)).apiKey).toEqual({
      status: "not_set",
      hint: null,
    });
    expect(await kieClientFor(ctx.workspace.id)).toBe(await kieClientFor(crypto.randomUUID()));

    const audit = await db.auditLog.findMany({
      where: { workspaceId: ctx.workspace.id },
      orderBy: { createdAt: "asc" },
    });
    expect(audit.map((a) => a.action)).toEqual(["keys.changed", "keys.removed", "keys.removed"]);
    expect(audit[0]?.actorEmail).toBe(ctx.actor.email);
    expect(JSON.stringify(audit)).not.toContain(WORKSPACE_KEY);
    expect(JSON.stringify(audit)).not.toContain("workspace-hmac-key-123");
  });

  it("a key sealed under another AUTH_SECRET fails the generation with a clear message", async () => {
    const ctx = await admin();
    await db.workspace.update({
      where: { id: ctx.workspace.id },
      data: {
        kieApiKeyEnc: sealSecret(WORKSPACE_KEY, "an-old-auth-secret-0123456789"),
        kieApiKeyHint: "••••c2e1",
      },
    });
    const dto = await generate(ctx, "雪地里的狐狸，特写");
    const g = await waitForState(dto.id, ["error"]);
    expect(g.failMsg).toBe(UNREADABLE_KEY_MESSAGE);
    expect(g.failCode).toBe("key_unreadable");
    expect((await getKieSettings(ctx.workspace.id)).apiKey.status).toBe("unreadable");
    const page = await listGenerations({
      workspaceId: ctx.workspace.id,
      workspaceSlug: ctx.workspace.slug,
    });
    expect(page.items[0]?.state).toBe("error");
  });

  it("the editor's credits show the balance and this month's use, cached per workspace", async () => {
    const ctx = await admin();
    const first = await getCredits(ctx.workspace.id, ctx.userId);
    expect(first.balance).toEqual(expect.any(Number));
    expect(first.budget).toEqual({ limit: null, used: 0 });
    studio().sim.configure({ credits: 1234 });
    // Within 30 s the cached balance is reused: kie.ai is not asked again.
    expect((await getCredits(ctx.workspace.id, ctx.userId)).balance).toBe(first.balance);
    await setKieKeys({ workspaceId: ctx.workspace.id, actor: ctx.actor, apiKey: WORKSPACE_KEY });
    // A key change drops the cache.
    expect((await getCredits(ctx.workspace.id, ctx.userId)).balance).toBe(1234);
  });

  it("only admins may change keys and budgets or read the audit log; any member sees credits", () => {
    for (const role of ["owner", "admin"]) {
      expect(can(role, "settings.keys")).toBe(true);
      expect(can(role, "settings.budget")).toBe(true);
      expect(can(role, "audit.view")).toBe(true);
    }
    for (const role of ["member", "viewer"]) {
      expect(can(role, "settings.keys")).toBe(false);
      expect(can(role, "settings.budget")).toBe(false);
      expect(can(role, "audit.view")).toBe(false);
      expect(can(role, "credits.view")).toBe(true);
    }
  });
});
