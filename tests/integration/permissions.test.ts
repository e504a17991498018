import { execFileSync } from "node:child_process";
import { randomBytes, randomUUID } from "node:crypto";
import { readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { GET as getSharedPoster } from "@/app/api/s/[token]/media/[generationId]/poster/route";
import { GET as getSharedVideo } from "@/app/api/s/[token]/media/[generationId]/video/route";
import { GET as getCredits } from "@/app/api/w/[slug]/credits/route";
import { GET as getEvents } from "@/app/api/w/[slug]/events/route";
import { GET as getPoster } from "@/app/api/w/[slug]/generations/[id]/poster/route";
import { GET as getGeneration } from "@/app/api/w/[slug]/generations/[id]/route";
import { GET as getVideo } from "@/app/api/w/[slug]/generations/[id]/video/route";
import { GET as listGenerations } from "@/app/api/w/[slug]/generations/route";
import { GET as getImage } from "@/app/api/w/[slug]/images/[id]/route";
import { POST as postImage } from "@/app/api/w/[slug]/images/route";
import type { ActionResult } from "@/lib/actions/action-result";
import { signOutEverywhereAction } from "@/lib/actions/auth/sign-out-everywhere";
import { addToCollectionAction } from "@/lib/actions/collections/add-to-collection";
import { collectShotAction } from "@/lib/actions/collections/collect-shot";
import { createCollectionAction } from "@/lib/actions/collections/create-collection";
import { deleteCollectionAction } from "@/lib/actions/collections/delete-collection";
import { listCollectionsAction } from "@/lib/actions/collections/list-collections";
import { removeFromCollectionAction } from "@/lib/actions/collections/remove-from-collection";
import { renameCollectionAction } from "@/lib/actions/collections/rename-collection";
import { favoriteShotAction } from "@/lib/actions/favorites/favorite-shot";
import { listFavoritesAction } from "@/lib/actions/favorites/list-favorites";
import { toggleFavoriteAction } from "@/lib/actions/favorites/toggle-favorite";
import { cancelGenerationAction } from "@/lib/actions/generations/cancel-generation";
import { createGenerationAction } from "@/lib/actions/generations/create-generation";
import { deleteGenerationAction } from "@/lib/actions/generations/delete-generation";
import { deleteOtherTakesAction } from "@/lib/actions/generations/delete-other-takes";
import { deleteShotAction } from "@/lib/actions/generations/delete-shot";
import { keepTakeAction } from "@/lib/actions/generations/keep-take";
import { listAuthorsAction } from "@/lib/actions/generations/list-authors";
import { listRecentPromptsAction } from "@/lib/actions/generations/list-recent-prompts";
import { retryGenerationAction } from "@/lib/actions/generations/retry-generation";
import { acceptInviteAction } from "@/lib/actions/invites/accept-invite";
import { createInviteAction } from "@/lib/actions/invites/create-invite";
import { revokeInviteAction } from "@/lib/actions/invites/revoke-invite";
import { removeKieKeyAction } from "@/lib/actions/kie-account/remove-kie-key";
import { setContentFilterAction } from "@/lib/actions/kie-account/set-content-filter";
import { setKieKeysAction } from "@/lib/actions/kie-account/set-kie-keys";
import { setMemberBudgetAction } from "@/lib/actions/kie-account/set-member-budget";
import { setWorkspaceBudgetAction } from "@/lib/actions/kie-account/set-workspace-budget";
import { testKieKeyAction } from "@/lib/actions/kie-account/test-kie-key";
import { createShareLinkAction } from "@/lib/actions/sharing/create-share-link";
import { listShareLinksAction } from "@/lib/actions/sharing/list-share-links";
import { revokeShareLinkAction } from "@/lib/actions/sharing/revoke-share-link";
import { setNoticePrefsAction } from "@/lib/actions/users/set-notice-prefs";
import { changeMemberRoleAction } from "@/lib/actions/workspaces/change-member-role";
import { createWorkspaceAction } from "@/lib/actions/workspaces/create-workspace";
import { deleteWorkspaceAction } from "@/lib/actions/workspaces/delete-workspace";
import { leaveWorkspaceAction } from "@/lib/actions/workspaces/leave-workspace";
import { removeMemberAction } from "@/lib/actions/workspaces/remove-member";
import { renameWorkspaceAction } from "@/lib/actions/workspaces/rename-workspace";
import { transferOwnershipAction } from "@/lib/actions/workspaces/transfer-ownership";
import { listAuditLog } from "@/lib/audit/list-audit-log";
import { currentUser } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { isAppError } from "@/lib/errors";
import { storeSourceImage } from "@/lib/images/store-source-image";
import { createInvite } from "@/lib/invites/create-invite";
import { createShareLink } from "@/lib/sharing/create-share-link";
import { hashShareToken } from "@/lib/sharing/token";
import { getMembership } from "@/lib/workspaces/get-membership";
import { listMembers } from "@/lib/workspaces/list-members";
import { can, PERMISSIONS, type Permission } from "@/lib/workspaces/permissions";
import { ROLES } from "@/lib/workspaces/roles";
import {
  callRoute,
  join as joinTeam,
  type Person,
  signInAs,
  type Team,
  team,
} from "@/tests/support/session";
import { generate, generationRow, waitFor, waitForState } from "@/tests/support/studio";

// The session is whatever the test says: every action and route below runs its real wrapper.
vi.mock("@/lib/auth/session-claims", () => ({
  sessionClaims: async () => (await import("@/tests/support/session")).currentSession(),
}));

/** Everyone who may knock: the four roles, a signed-in stranger, and nobody signed in. */
const CALLERS = [...ROLES, "stranger", "anonymous"] as const;
type Caller = (typeof CALLERS)[number];

/** What a caller got: through, or the refusal's code. */
type Outcome = "allowed" | "unauthorized" | "forbidden" | "not_found" | `other:${string}`;

/**
 * Who a probe admits: a permission of the table; any signed-in person (actions that are not
 * about one workspace); or anyone at all (the public share routes).
 */
type Gate = Permission | "signed-in" | "public";

function expected(gate: Gate, caller: Caller): Outcome {
  if (gate === "public") return "allowed";
  if (caller === "anonymous") return "unauthorized";
  if (gate === "signed-in") return "allowed";
  if (caller === "stranger") return "not_found";
  return can(caller, gate) ? "allowed" : "forbidden";
}

function fromAction(r: ActionResult<unknown>): Outcome {
  if (r.ok) return "allowed";
  const code = r.error.code;
  return code === "unauthorized" || code === "forbidden" || code === "not_found"
    ? code
    : `other:${code}: ${r.error.message}`;
}

async function fromResponse(res: Response): Promise<Outcome> {
  const type = res.headers.get("content-type") ?? "";
  if (res.status === 200 || res.status === 201 || res.status === 206) {
    await res.body?.cancel();
    return "allowed";
  }
  const body = type.includes("json") ? ((await res.json()) as { error?: string }) : {};
  const byStatus: Record<number, Outcome> = {
    401: "unauthorized",
    403: "forbidden",
    404: "not_found",
  };
  const outcome = byStatus[res.status];
  // The body says the same as the status: { error: "<code>" }.
  if (outcome && body.error === outcome) return outcome;
  return `other:${res.status}: ${JSON.stringify(body)}`;
}

function fromThrown(e: unknown): Outcome {
  if (isAppError(e) && ["unauthorized", "forbidden", "not_found"].includes(e.code)) {
    return e.code as Outcome;
  }
  return `other:${String(e)}`;
}

// --- fixtures --------------------------------------------------------------------------------

/** A generation row in a given state, without going through kie.ai (for retry and collections). */
async function generationRowIn(
  workspaceId: string,
  authorId: string,
  state: "error" | "fail" | "success" | "held" | "stored",
) {
  return db.generation.create({
    data: {
      workspaceId,
      authorId,
      prompt: "雨夜的霓虹街道，一只橘猫慢慢走过 [Tracking shot]",
      promptOptimizer: true,
      model: "hailuo/02-text-to-video-pro",
      // A take waiting for room under kie.ai's allowance: not sent yet.
      ...(state === "held"
        ? { state: "submitting", submitStatus: "held" }
        : state === "stored"
          ? // A finished video the studio holds.
            { state: "success", mediaState: "stored", mediaKey: `probe/${randomUUID()}.mp4` }
          : { state }),
      idempotencyKey: randomUUID(),
      callbackTokenHash: randomBytes(32).toString("hex"),
      ...(state === "fail" && { failCode: "500", failMsg: "Generation failed" }),
    },
    select: { id: true },
  });
}

async function collectionIn(workspaceId: string, createdById: string) {
  return db.collection.create({
    data: { workspaceId, createdById, name: `Picks ${randomUUID().slice(0, 6)}` },
    select: { id: true },
  });
}

async function shareLinkBy(workspaceId: string, createdById: string) {
  return db.shareLink.create({
    data: {
      workspaceId,
      createdById,
      targetType: "gallery",
      tokenHash: hashShareToken(randomBytes(24).toString("base64url")),
    },
    select: { id: true },
  });
}

async function inviteIn(workspaceId: string, createdById: string) {
  return db.invite.create({
    data: {
      workspaceId,
      createdById,
      role: "member",
      tokenHash: randomBytes(32).toString("hex"),
      expiresAt: new Date(Date.now() + 86_400_000),
    },
    select: { id: true },
  });
}

// --- the probes: every server action, route handler and gated page path ------------------------

interface Probe {
  /** The action's export name, the route's "METHOD /path" or the page's path. */
  name: string;
  kind: "action" | "route" | "page";
  gate: Gate;
  /** Runs as `who` (null: signed out) in the team `t`, which it may change as it likes. */
  run(t: Team, who: Person | null): Promise<Outcome>;
  /** Read-only probes share one team with a ready video instead of getting a fresh one. */
  shared?: boolean;
}

const slugOf = (t: Team) => t.workspace.slug;

function action(
  name: string,
  gate: Gate,
  call: (t: Team, who: Person | null) => Promise<ActionResult<unknown>>,
): Probe {
  return { name, kind: "action", gate, run: async (t, who) => fromAction(await call(t, who)) };
}

/** The caller's own id for things "of their own"; signed out, anyone's will do. */
const ownerOf = (t: Team, who: Person | null) => (who ?? t.owner).id;

const ACTION_PROBES: Probe[] = [
  action("createGenerationAction", "generation.create", (t) =>
    createGenerationAction({
      workspaceSlug: slugOf(t),
      prompt: "一只穿宇航服的柴犬在月球上慢跑，地球在背景中升起",
      promptOptimizer: false,
      idempotencyKey: randomUUID(),
    }),
  ),
  // Retrying one's own generation that never reached kie.ai resubmits it in place.
  action("retryGenerationAction", "generation.manage-own", async (t, who) => {
    const g = await generationRowIn(t.workspace.id, ownerOf(t, who), "error");
    return retryGenerationAction({ workspaceSlug: slugOf(t), generationId: g.id });
  }),
  // …someone else's needs manage-any.
  action("retryGenerationAction", "generation.manage-any", async (t) => {
    const other = await joinTeam(t.workspace.id, "member");
    const g = await generationRowIn(t.workspace.id, other.id, "error");
    return retryGenerationAction({ workspaceSlug: slugOf(t), generationId: g.id });
  }),
  // Cancelling one's own take before it is sent…
  action("cancelGenerationAction", "generation.manage-own", async (t, who) => {
    const g = await generationRowIn(t.workspace.id, ownerOf(t, who), "held");
    return cancelGenerationAction({ workspaceSlug: slugOf(t), generationId: g.id });
  }),
  // …and someone else's, which needs manage-any.
  action("cancelGenerationAction", "generation.manage-any", async (t) => {
    const other = await joinTeam(t.workspace.id, "member");
    const g = await generationRowIn(t.workspace.id, other.id, "held");
    return cancelGenerationAction({ workspaceSlug: slugOf(t), generationId: g.id });
  }),
  // Deleting one's own failed generation…
  action("deleteGenerationAction", "generation.manage-own", async (t, who) => {
    const g = await generationRowIn(t.workspace.id, ownerOf(t, who), "fail");
    return deleteGenerationAction({ workspaceSlug: slugOf(t), generationId: g.id });
  }),
  // …and someone else's, which needs manage-any.
  action("deleteGenerationAction", "generation.manage-any", async (t) => {
    const other = await joinTeam(t.workspace.id, "member");
    const g = await generationRowIn(t.workspace.id, other.id, "fail");
    return deleteGenerationAction({ workspaceSlug: slugOf(t), generationId: g.id });
  }),
  // Keeping one's own take…
  action("keepTakeAction", "generation.manage-own", async (t, who) => {
    const g = await generationRowIn(t.workspace.id, ownerOf(t, who), "stored");
    return keepTakeAction({ workspaceSlug: slugOf(t), generationId: g.id, keep: true });
  }),
  // …and choosing among someone else's, which needs manage-any.
  action("keepTakeAction", "generation.manage-any", async (t) => {
    const other = await joinTeam(t.workspace.id, "member");
    const g = await generationRowIn(t.workspace.id, other.id, "stored");
    return keepTakeAction({ workspaceSlug: slugOf(t), generationId: g.id, keep: true });
  }),
  action("deleteOtherTakesAction", "generation.manage-own", async (t, who) => {
    const g = await generationRowIn(t.workspace.id, ownerOf(t, who), "stored");
    return deleteOtherTakesAction({ workspaceSlug: slugOf(t), generationId: g.id });
  }),
  // Deleting one's own shot…
  action("deleteShotAction", "generation.manage-own", async (t, who) => {
    const g = await generationRowIn(t.workspace.id, ownerOf(t, who), "stored");
    return deleteShotAction({ workspaceSlug: slugOf(t), shotId: g.id });
  }),
  // …and someone else's, which needs manage-any.
  action("deleteShotAction", "generation.manage-any", async (t) => {
    const other = await joinTeam(t.workspace.id, "member");
    const g = await generationRowIn(t.workspace.id, other.id, "stored");
    return deleteShotAction({ workspaceSlug: slugOf(t), shotId: g.id });
  }),
  action("listRecentPromptsAction", "generation.create", (t) =>
    listRecentPromptsAction({ workspaceSlug: slugOf(t) }),
  ),
  action("listAuthorsAction", "gallery.view", (t) =>
    listAuthorsAction({ workspaceSlug: slugOf(t) }),
  ),
  action("listFavoritesAction", "gallery.view", (t) =>
    listFavoritesAction({ workspaceSlug: slugOf(t) }),
  ),
  action("listCollectionsAction", "gallery.view", (t) =>
    listCollectionsAction({ workspaceSlug: slugOf(t) }),
  ),
  action("createCollectionAction", "collection.manage", (t) =>
    createCollectionAction({ workspaceSlug: slugOf(t), name: "最佳镜头" }),
  ),
  action("renameCollectionAction", "collection.manage", async (t) => {
    const c = await collectionIn(t.workspace.id, t.owner.id);
    return renameCollectionAction({ workspaceSlug: slugOf(t), collectionId: c.id, name: "新名" });
  }),
  action("deleteCollectionAction", "collection.manage", async (t) => {
    const c = await collectionIn(t.workspace.id, t.owner.id);
    return deleteCollectionAction({ workspaceSlug: slugOf(t), collectionId: c.id });
  }),
  action("addToCollectionAction", "collection.manage", async (t) => {
    const c = await collectionIn(t.workspace.id, t.owner.id);
    const g = await generationRowIn(t.workspace.id, t.owner.id, "success");
    return addToCollectionAction({
      workspaceSlug: slugOf(t),
      collectionId: c.id,
      generationId: g.id,
    });
  }),
  action("removeFromCollectionAction", "collection.manage", async (t) => {
    const c = await collectionIn(t.workspace.id, t.owner.id);
    const g = await generationRowIn(t.workspace.id, t.owner.id, "success");
    await db.collectionItem.create({ data: { collectionId: c.id, generationId: g.id } });
    return removeFromCollectionAction({
      workspaceSlug: slugOf(t),
      collectionId: c.id,
      generationId: g.id,
    });
  }),
  action("collectShotAction", "collection.manage", async (t) => {
    const c = await collectionIn(t.workspace.id, t.owner.id);
    const g = await generationRowIn(t.workspace.id, t.owner.id, "success");
    return collectShotAction({
      workspaceSlug: slugOf(t),
      collectionId: c.id,
      shotId: g.id,
      add: true,
    });
  }),
  action("favoriteShotAction", "favorite.toggle", async (t) => {
    const g = await generationRowIn(t.workspace.id, t.owner.id, "success");
    return favoriteShotAction({ workspaceSlug: slugOf(t), shotId: g.id, favorite: true });
  }),
  action("toggleFavoriteAction", "favorite.toggle", async (t) => {
    const g = await generationRowIn(t.workspace.id, t.owner.id, "success");
    return toggleFavoriteAction({ workspaceSlug: slugOf(t), generationId: g.id, favorite: true });
  }),
  action("createShareLinkAction", "share.create", (t) =>
    createShareLinkAction({ workspaceSlug: slugOf(t), targetType: "gallery" }),
  ),
  action("listShareLinksAction", "share.create", (t) =>
    listShareLinksAction({ workspaceSlug: slugOf(t) }),
  ),
  action("revokeShareLinkAction", "share.revoke-own", async (t, who) => {
    const link = await shareLinkBy(t.workspace.id, ownerOf(t, who));
    return revokeShareLinkAction({ workspaceSlug: slugOf(t), shareLinkId: link.id });
  }),
  action("revokeShareLinkAction", "share.revoke-any", async (t) => {
    const other = await joinTeam(t.workspace.id, "member");
    const link = await shareLinkBy(t.workspace.id, other.id);
    return revokeShareLinkAction({ workspaceSlug: slugOf(t), shareLinkId: link.id });
  }),
  action("createInviteAction", "members.invite", (t) =>
    createInviteAction({
      workspaceSlug: slugOf(t),
      role: "member",
      expiresInDays: 7,
      singleUse: false,
    }),
  ),
  action("revokeInviteAction", "members.invite", async (t) => {
    const invite = await inviteIn(t.workspace.id, t.owner.id);
    return revokeInviteAction({ workspaceSlug: slugOf(t), inviteId: invite.id });
  }),
  action("changeMemberRoleAction", "members.manage", async (t) => {
    const target = await joinTeam(t.workspace.id, "viewer");
    return changeMemberRoleAction({
      workspaceSlug: slugOf(t),
      userId: target.id,
      role: "member",
    });
  }),
  action("removeMemberAction", "members.manage", async (t) => {
    const target = await joinTeam(t.workspace.id, "viewer");
    return removeMemberAction({ workspaceSlug: slugOf(t), userId: target.id });
  }),
  action("setKieKeysAction", "settings.keys", (t) =>
    setKieKeysAction({ workspaceSlug: slugOf(t), apiKey: "kie-perm-test-key-0123456789" }),
  ),
  action("removeKieKeyAction", "settings.keys", (t) =>
    removeKieKeyAction({ workspaceSlug: slugOf(t), which: "apiKey" }),
  ),
  action("testKieKeyAction", "settings.keys", (t) =>
    testKieKeyAction({ workspaceSlug: slugOf(t) }),
  ),
  action("setContentFilterAction", "settings.keys", (t) =>
    setContentFilterAction({ workspaceSlug: slugOf(t), on: true }),
  ),
  action("setWorkspaceBudgetAction", "settings.budget", (t) =>
    setWorkspaceBudgetAction({ workspaceSlug: slugOf(t), limit: 5_000 }),
  ),
  action("setMemberBudgetAction", "settings.budget", (t) =>
    setMemberBudgetAction({ workspaceSlug: slugOf(t), userId: t.member.id, limit: 500 }),
  ),
  action("renameWorkspaceAction", "workspace.rename", (t) =>
    renameWorkspaceAction({ workspaceSlug: slugOf(t), name: "夜景拍摄" }),
  ),
  action("deleteWorkspaceAction", "workspace.delete", (t) =>
    deleteWorkspaceAction({ workspaceSlug: slugOf(t), confirmName: t.workspace.name }),
  ),
  action("transferOwnershipAction", "workspace.transfer", (t) =>
    transferOwnershipAction({ workspaceSlug: slugOf(t), userId: t.member.id }),
  ),
  // Anyone may leave; a second owner is there so the owner is not the last one.
  action("leaveWorkspaceAction", "gallery.view", async (t) => {
    await joinTeam(t.workspace.id, "owner");
    return leaveWorkspaceAction({ workspaceSlug: slugOf(t) });
  }),
  // Not about one workspace: any signed-in person, nobody signed out.
  action("createWorkspaceAction", "signed-in", () =>
    createWorkspaceAction({ name: "Side Project" }),
  ),
  action("acceptInviteAction", "signed-in", async (t) => {
    const { path } = await createInvite({
      workspace: t.workspace,
      actor: t.owner,
      role: "viewer",
      expiresInDays: 1,
      singleUse: false,
    });
    return acceptInviteAction({ token: path.split("/invite/")[1] });
  }),
  action("signOutEverywhereAction", "signed-in", () => signOutEverywhereAction()),
  action("setNoticePrefsAction", "signed-in", () => setNoticePrefsAction({ sound: false })),
];

/** Actions anyone may call, signed in or not: nothing of a workspace is behind them. */
const PUBLIC_ACTIONS = [
  "signUpAction",
  "unlockShareLinkAction",
  "setLocaleAction",
  // Counts a view of a link that opens for the caller; it reads nothing back.
  "recordShareViewAction",
];

/** The shared team's ready video, a live link to it, and a start image it keeps. */
const ready = { generationId: "", token: "", imageId: "" };

/** A 400 × 400 PNG, as a start image. */
const probeImage = () =>
  new Uint8Array(
    execFileSync("ffmpeg", [
      ...["-v", "error", "-f", "lavfi", "-i", "color=c=0x3366cc:s=400x400"],
      ...["-frames:v", "1", "-f", "image2pipe", "-vcodec", "png", "-"],
    ]),
  );

function route(
  name: string,
  gate: Gate,
  call: (t: Team) => Promise<Response>,
  opts: { shared?: boolean } = {},
): Probe {
  return {
    name,
    kind: "route",
    gate,
    shared: opts.shared ?? true,
    run: async (t) => fromResponse(await call(t)),
  };
}

const w = (t: Team) => `/api/w/${slugOf(t)}`;

const ROUTE_PROBES: Probe[] = [
  route("GET /api/w/[slug]/generations", "gallery.view", (t) =>
    callRoute(listGenerations, `${w(t)}/generations`, { slug: slugOf(t) }),
  ),
  route("GET /api/w/[slug]/generations/[id]", "generation.view", (t) =>
    callRoute(getGeneration, `${w(t)}/generations/${ready.generationId}`, {
      slug: slugOf(t),
      id: ready.generationId,
    }),
  ),
  route("GET /api/w/[slug]/generations/[id]/video", "media.view", (t) =>
    callRoute(
      getVideo,
      `${w(t)}/generations/${ready.generationId}/video`,
      { slug: slugOf(t), id: ready.generationId },
      { headers: { range: "bytes=0-1023" } },
    ),
  ),
  route("GET /api/w/[slug]/generations/[id]/poster", "media.view", (t) =>
    callRoute(getPoster, `${w(t)}/generations/${ready.generationId}/poster`, {
      slug: slugOf(t),
      id: ready.generationId,
    }),
  ),
  route(
    "POST /api/w/[slug]/images",
    "generation.create",
    (t) =>
      callRoute(
        postImage,
        `${w(t)}/images`,
        { slug: slugOf(t) },
        { method: "POST", headers: { "content-type": "image/png" }, body: probeImage() },
      ),
    { shared: false },
  ),
  route("GET /api/w/[slug]/images/[id]", "media.view", (t) =>
    callRoute(getImage, `${w(t)}/images/${ready.imageId}`, { slug: slugOf(t), id: ready.imageId }),
  ),
  route("GET /api/w/[slug]/events", "gallery.view", async (t) => {
    const abort = new AbortController();
    const res = await callRoute(
      getEvents,
      `${w(t)}/events`,
      { slug: slugOf(t) },
      { signal: abort.signal },
    );
    if (res.ok) expect(res.headers.get("content-type")).toMatch(/^text\/event-stream/);
    abort.abort();
    return res;
  }),
  route("GET /api/w/[slug]/credits", "credits.view", (t) =>
    callRoute(getCredits, `${w(t)}/credits`, { slug: slugOf(t) }),
  ),
  // The share routes answer anyone with the link — a member, a stranger, nobody signed in.
  route("GET /api/s/[token]/media/[generationId]/video", "public", () =>
    callRoute(
      getSharedVideo,
      `/api/s/${ready.token}/media/${ready.generationId}/video`,
      { token: ready.token, generationId: ready.generationId },
      { headers: { range: "bytes=0-1023" } },
    ),
  ),
  route("GET /api/s/[token]/media/[generationId]/poster", "public", () =>
    callRoute(getSharedPoster, `/api/s/${ready.token}/media/${ready.generationId}/poster`, {
      token: ready.token,
      generationId: ready.generationId,
    }),
  ),
];

/**
 * Pages whose data only some roles may see: the page's own check (workspaceAccessOrNotFound, then
 * can()) is the signed-in user plus getMembership with the table's permission, then the domain read.
 * The pages themselves, rendered for each role, are tested in tests/production/page-gates.test.ts.
 */
function page(name: string, permission: Permission, read: (t: Team) => Promise<unknown>): Probe {
  return {
    name,
    kind: "page",
    gate: permission,
    run: async (t) => {
      const user = await currentUser();
      if (!user) return "unauthorized";
      try {
        await getMembership({ userId: user.id, slug: slugOf(t), permission });
        await read(t);
        return "allowed";
      } catch (e) {
        return fromThrown(e);
      }
    },
  };
}

const PAGE_PROBES: Probe[] = [
  page("/w/[slug]/settings/members", "members.view", (t) => listMembers(t.workspace.id)),
  page("/w/[slug]/settings/audit", "audit.view", (t) =>
    listAuditLog({ workspaceId: t.workspace.id }),
  ),
];

const PROBES = [...ACTION_PROBES, ...ROUTE_PROBES, ...PAGE_PROBES];

// --- the inventory: nothing can be added without a probe ----------------------------------------

function filesUnder(dir: string, match: (name: string) => boolean): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile() && match(e.name))
    .map((e) => join(e.parentPath, e.name));
}

const ROOT = join(import.meta.dirname, "../..");

/** Every exported server action under lib/actions. */
function actionExports(): string[] {
  return filesUnder(join(ROOT, "lib/actions"), (n) => n.endsWith(".ts")).flatMap((file) =>
    [...readFileSync(file, "utf8").matchAll(/export async function (\w+Action)\b/g)].map(
      (m) => m[1] as string,
    ),
  );
}

// Routes outside any workspace and not serving shared content: next-auth itself, the health
// check, and kie.ai's callback (authenticated by its own per-task token and HMAC, tested in
// callback-route.test.ts).
const ROUTES_NOT_ABOUT_ACCESS = [
  "GET /api/auth/[...nextauth]",
  "POST /api/auth/[...nextauth]",
  "GET /api/health",
  "POST /api/kie/callback",
  // The benchmark's reference routes (404 unless BENCH_ROUTES=1): no data behind them.
  "GET /api/bench/bytes",
  "GET /api/bench/noop",
  "POST /api/bench/noop",
];

/** Every "METHOD /path" of a route handler under app/api. */
function routeHandlers(): string[] {
  const api = join(ROOT, "app/api");
  return filesUnder(api, (n) => n === "route.ts").flatMap((file) => {
    const path = `/api/${relative(api, file).replace(/\/?route\.ts$/, "")}`;
    const text = readFileSync(file, "utf8");
    return ["GET", "POST", "PUT", "PATCH", "DELETE", "HEAD"]
      .filter((m) =>
        new RegExp(
          `export (const ${m}\\b|(async )?function ${m}\\b|\\{[^}]*\\b(as )?${m}\\b[^}]*\\})`,
        ).test(text),
      )
      .map((m) => `${m} ${path}`);
  });
}

describe("the permission table", () => {
  it("every permission of the table is probed, every action and route has a probe", () => {
    const probed = new Set(PROBES.map((p) => p.gate).filter((g) => g in PERMISSIONS));
    expect([...probed].sort()).toEqual(Object.keys(PERMISSIONS).sort());

    const actions = new Set(ACTION_PROBES.map((p) => p.name));
    expect(actionExports().sort()).toEqual([...actions, ...PUBLIC_ACTIONS].sort());

    const routes = ROUTE_PROBES.map((p) => p.name);
    expect(routeHandlers().sort()).toEqual([...routes, ...ROUTES_NOT_ABOUT_ACCESS].sort());
  });

  it("a role admits what every lower role admits (the table is monotonic)", () => {
    for (const permission of Object.keys(PERMISSIONS) as Permission[]) {
      // ROLES runs owner → viewer: once a role is refused, every lower one is too.
      const admitted = ROLES.map((r) => can(r, permission));
      expect(admitted).toEqual([...admitted].sort((a, b) => Number(b) - Number(a)));
      expect(can("owner", permission)).toBe(true);
      expect(can("not-a-role", permission)).toBe(false);
    }
  });
});

describe.each(CALLERS)("as %s", (caller) => {
  let shared: Team;

  beforeAll(async () => {
    if (sharedTeam) {
      shared = await sharedTeam;
      return;
    }
    sharedTeam = prepareSharedTeam();
    shared = await sharedTeam;
  });

  function who(t: Team): Person | null {
    if (caller === "anonymous") return null;
    if (caller === "stranger") return t.stranger;
    return t.as(caller);
  }

  it.each(PROBES.map((p) => [`${p.kind} ${p.name} (${p.gate})`, p] as const))(
    "%s",
    async (_label, probe) => {
      const t = probe.shared ? shared : await team();
      const person = who(t);
      signInAs(person);
      const outcome = await probe.run(t, person);
      expect(outcome).toBe(expected(probe.gate, caller));
    },
  );
});

let sharedTeam: Promise<Team> | undefined;

/** A team with one ready video and a live link to it, for the read-only probes. */
async function prepareSharedTeam(): Promise<Team> {
  const t = await team("Shared Reads");
  const dto = await generate(
    { userId: t.member.id, workspace: t.workspace },
    "海边日落，一位老人在码头上钓鱼，海鸥飞过 [Pan left]",
  );
  await waitForState(dto.id, ["success"]);
  await waitFor(async () => (await generationRow(dto.id)).mediaState === "stored", {
    what: `media of ${dto.id}`,
  });
  const { url } = await createShareLink({
    workspaceId: t.workspace.id,
    actor: t.member,
    input: {
      targetType: "generation",
      generationId: dto.id,
      expiry: "never",
      allowDownload: true,
      showPrompt: false,
    },
  });
  ready.generationId = dto.id;
  ready.token = url.split("/s/")[1] ?? "";
  const image = await storeSourceImage({
    workspace: t.workspace,
    uploaderId: t.member.id,
    bytes: probeImage(),
  });
  ready.imageId = image.id;
  return t;
}
