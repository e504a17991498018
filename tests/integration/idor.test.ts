import { randomBytes, randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { GET as getSharedPoster } from "@/app/api/s/[token]/media/[generationId]/poster/route";
import { GET as getSharedVideo } from "@/app/api/s/[token]/media/[generationId]/video/route";
import { GET as getCredits } from "@/app/api/w/[slug]/credits/route";
import { GET as getEvents } from "@/app/api/w/[slug]/events/route";
import { GET as getPoster } from "@/app/api/w/[slug]/generations/[id]/poster/route";
import { GET as getGeneration } from "@/app/api/w/[slug]/generations/[id]/route";
import { GET as getVideo } from "@/app/api/w/[slug]/generations/[id]/video/route";
import { GET as listGenerations } from "@/app/api/w/[slug]/generations/route";
import type { ActionResult } from "@/lib/actions/action-result";
import { addToCollectionAction } from "@/lib/actions/collections/add-to-collection";
import { createCollectionAction } from "@/lib/actions/collections/create-collection";
import { deleteCollectionAction } from "@/lib/actions/collections/delete-collection";
import { listCollectionsAction } from "@/lib/actions/collections/list-collections";
import { removeFromCollectionAction } from "@/lib/actions/collections/remove-from-collection";
import { renameCollectionAction } from "@/lib/actions/collections/rename-collection";
import { listFavoritesAction } from "@/lib/actions/favorites/list-favorites";
import { toggleFavoriteAction } from "@/lib/actions/favorites/toggle-favorite";
import { createGenerationAction } from "@/lib/actions/generations/create-generation";
import { deleteGenerationAction } from "@/lib/actions/generations/delete-generation";
import { listAuthorsAction } from "@/lib/actions/generations/list-authors";
import { retryGenerationAction } from "@/lib/actions/generations/retry-generation";
import { createInviteAction } from "@/lib/actions/invites/create-invite";
import { revokeInviteAction } from "@/lib/actions/invites/revoke-invite";
import { setKieKeysAction } from "@/lib/actions/kie-account/set-kie-keys";
import { setMemberBudgetAction } from "@/lib/actions/kie-account/set-member-budget";
import { createShareLinkAction } from "@/lib/actions/sharing/create-share-link";
import { listShareLinksAction } from "@/lib/actions/sharing/list-share-links";
import { revokeShareLinkAction } from "@/lib/actions/sharing/revoke-share-link";
import { changeMemberRoleAction } from "@/lib/actions/workspaces/change-member-role";
import { deleteWorkspaceAction } from "@/lib/actions/workspaces/delete-workspace";
import { removeMemberAction } from "@/lib/actions/workspaces/remove-member";
import { transferOwnershipAction } from "@/lib/actions/workspaces/transfer-ownership";
import { db } from "@/lib/db";
import { createInvite } from "@/lib/invites/create-invite";
import { createShareLink } from "@/lib/sharing/create-share-link";
import { getSharedPage } from "@/lib/sharing/get-shared-page";
import { resolveShareLink } from "@/lib/sharing/resolve-share-link";
import { revokeShareLink } from "@/lib/sharing/revoke-share-link";
import { callRoute, join, observe, signInAs, type Team, team } from "@/tests/support/session";
import { readyVideo } from "@/tests/support/studio";

vi.mock("@/lib/auth/session-claims", () => ({
  sessionClaims: async () => (await import("@/tests/support/session")).currentSession(),
}));

/** An id with a real id's shape that names nothing. */
function randomId(): string {
  return `c${randomBytes(12).toString("hex")}`;
}

function randomToken(): string {
  return randomBytes(32).toString("base64url");
}

/** Everything of a workspace an attacker might name by id. */
async function furnish(t: Team, label: string) {
  const [video, other] = await Promise.all([
    readyVideo(
      { userId: t.member.id, workspace: t.workspace },
      `${label}：清晨的竹林，薄雾缭绕，一只熊猫慢慢爬上竹竿 [Pan right]`,
    ),
    readyVideo(
      { userId: t.member.id, workspace: t.workspace },
      `${label}：夜晚的城市天际线，烟花在高楼之间绽放 [Zoom out]`,
    ),
  ]);
  const errored = await db.generation.create({
    data: {
      workspaceId: t.workspace.id,
      authorId: t.member.id,
      prompt: `${label}: never reached kie.ai`,
      promptOptimizer: false,
      model: "hailuo/02-text-to-video-pro",
      state: "error",
      idempotencyKey: randomUUID(),
      callbackTokenHash: randomBytes(32).toString("hex"),
    },
  });
  const collection = await db.collection.create({
    data: { workspaceId: t.workspace.id, createdById: t.member.id, name: `${label} picks` },
  });
  await db.collectionItem.create({ data: { collectionId: collection.id, generationId: video } });
  const share = await createShareLink({
    workspaceId: t.workspace.id,
    actor: t.member,
    input: {
      targetType: "generation",
      generationId: video,
      expiry: "never",
      allowDownload: true,
      showPrompt: false,
    },
  });
  const invite = await createInvite({
    workspace: t.workspace,
    actor: t.owner,
    role: "member",
    expiresInDays: 7,
    singleUse: false,
  });
  return {
    video,
    other,
    errored: errored.id,
    collection: collection.id,
    shareLinkId: share.link.id,
    shareToken: share.url.split("/s/")[1] ?? "",
    invite: invite.id,
  };
}

type Stuff = Awaited<ReturnType<typeof furnish>>;

/** A fresh collection of A's own, holding A's video and shared, as B's collection might be. */
async function ownCollection(t: Team, s: Stuff): Promise<string> {
  const c = await db.collection.create({
    data: { workspaceId: t.workspace.id, createdById: t.owner.id, name: `A's own ${randomId()}` },
  });
  await db.collectionItem.create({ data: { collectionId: c.id, generationId: s.video } });
  await createShareLink({
    workspaceId: t.workspace.id,
    actor: t.owner,
    input: {
      targetType: "collection",
      collectionId: c.id,
      expiry: "never",
      allowDownload: false,
      showPrompt: true,
    },
  });
  return c.id;
}

let A: Team;
let B: Team;
let a: Stuff;
let b: Stuff;

beforeAll(async () => {
  [A, B] = await Promise.all([team("Studio A"), team("Studio B")]);
  [a, b] = await Promise.all([furnish(A, "A"), furnish(B, "B")]);
});

/** What B's state looks like; nothing an attacker in A does may change it. */
async function snapshotOf(t: Team, s: Stuff) {
  const [generations, collection, items, favorites, link, invite, members] = await Promise.all([
    db.generation.findMany({
      where: { workspaceId: t.workspace.id },
      select: { id: true, state: true, updatedAt: true },
      orderBy: { id: "asc" },
    }),
    db.collection.findUnique({ where: { id: s.collection }, select: { name: true } }),
    db.collectionItem.count({ where: { collection: { workspaceId: t.workspace.id } } }),
    db.favorite.count({ where: { generation: { workspaceId: t.workspace.id } } }),
    db.shareLink.findUnique({ where: { id: s.shareLinkId }, select: { revokedAt: true } }),
    db.invite.findUnique({ where: { id: s.invite }, select: { revokedAt: true } }),
    db.membership.findMany({
      where: { workspaceId: t.workspace.id },
      select: { userId: true, role: true, monthlyCreditLimit: true },
      orderBy: { userId: "asc" },
    }),
  ]);
  const collections = await db.collection.count({ where: { workspaceId: t.workspace.id } });
  const shareLinks = await db.shareLink.count({ where: { workspaceId: t.workspace.id } });
  return {
    generations,
    collection,
    collections,
    items,
    favorites,
    link,
    invite,
    members,
    shareLinks,
  };
}

/** What a caller learns from an action's answer, with the id they sent back to a placeholder. */
function seen(r: ActionResult<unknown>, id: string) {
  const answer = r.ok ? { ok: true, data: r.data } : { ok: false, error: r.error };
  return JSON.parse(JSON.stringify(answer).replaceAll(id, "<id>")) as typeof answer;
}

describe("IDOR: an admin of workspace A learns nothing about workspace B from its ids", () => {
  // The attacker is A's owner: every permission in A, so no refusal below is about their role.
  const attack = () => signInAs(A.owner);

  // Each case: an action or route of A, called with one of B's ids and with a random one.
  const actionCases: [
    string,
    (id: string, kind: "b" | "random") => Promise<ActionResult<unknown>>,
  ][] = [
    [
      "retry B's generation",
      (id) => retryGenerationAction({ workspaceSlug: A.workspace.slug, generationId: id }),
    ],
    [
      "delete B's generation",
      (id) => deleteGenerationAction({ workspaceSlug: A.workspace.slug, generationId: id }),
    ],
    [
      "star B's video",
      (id) =>
        toggleFavoriteAction({
          workspaceSlug: A.workspace.slug,
          generationId: id,
          favorite: true,
        }),
    ],
    [
      "start a collection with B's video",
      (id, kind) =>
        createCollectionAction({
          workspaceSlug: A.workspace.slug,
          name: `Stolen ${kind}`,
          generationId: id,
        }),
    ],
    [
      "ask which collections hold B's video",
      (id) => listCollectionsAction({ workspaceSlug: A.workspace.slug, generationId: id }),
    ],
    [
      "add B's video to A's collection",
      (id) =>
        addToCollectionAction({
          workspaceSlug: A.workspace.slug,
          collectionId: a.collection,
          generationId: id,
        }),
    ],
    [
      "remove B's video from A's collection",
      (id) =>
        removeFromCollectionAction({
          workspaceSlug: A.workspace.slug,
          collectionId: a.collection,
          generationId: id,
        }),
    ],
    [
      "share B's video",
      (id) =>
        createShareLinkAction({
          workspaceSlug: A.workspace.slug,
          targetType: "generation",
          generationId: id,
          allowDownload: true,
        }),
    ],
    [
      "list the share links of B's video",
      (id) => listShareLinksAction({ workspaceSlug: A.workspace.slug, generationId: id }),
    ],
  ];
  const collectionCases: typeof actionCases = [
    [
      "rename B's collection",
      (id) =>
        renameCollectionAction({
          workspaceSlug: A.workspace.slug,
          collectionId: id,
          name: "pwned",
        }),
    ],
    [
      "delete B's collection",
      (id) => deleteCollectionAction({ workspaceSlug: A.workspace.slug, collectionId: id }),
    ],
    [
      "put A's video into B's collection",
      (id) =>
        addToCollectionAction({
          workspaceSlug: A.workspace.slug,
          collectionId: id,
          generationId: a.video,
        }),
    ],
    [
      "take a video out of B's collection",
      (id) =>
        removeFromCollectionAction({
          workspaceSlug: A.workspace.slug,
          collectionId: id,
          generationId: a.video,
        }),
    ],
    [
      "share B's collection",
      (id) =>
        createShareLinkAction({
          workspaceSlug: A.workspace.slug,
          targetType: "collection",
          collectionId: id,
        }),
    ],
    [
      "list the share links of B's collection",
      (id) => listShareLinksAction({ workspaceSlug: A.workspace.slug, collectionId: id }),
    ],
  ];
  // Each: the id of B's, a fresh one of A's own of the same kind, and the call.
  const otherCases: [
    string,
    () => string,
    () => Promise<string>,
    (id: string) => Promise<ActionResult<unknown>>,
  ][] = [
    [
      "revoke B's share link",
      () => b.shareLinkId,
      async () =>
        (
          await createShareLink({
            workspaceId: A.workspace.id,
            actor: A.owner,
            input: {
              targetType: "gallery",
              expiry: "never",
              allowDownload: false,
              showPrompt: true,
            },
          })
        ).link.id,
      (id) => revokeShareLinkAction({ workspaceSlug: A.workspace.slug, shareLinkId: id }),
    ],
    [
      "revoke B's invite",
      () => b.invite,
      async () =>
        (
          await createInvite({
            workspace: A.workspace,
            actor: A.owner,
            role: "member",
            expiresInDays: 7,
            singleUse: true,
          })
        ).id,
      (id) => revokeInviteAction({ workspaceSlug: A.workspace.slug, inviteId: id }),
    ],
    [
      "change the role of B's member",
      () => B.member.id,
      async () => (await join(A.workspace.id, "member")).id,
      (id) =>
        changeMemberRoleAction({ workspaceSlug: A.workspace.slug, userId: id, role: "admin" }),
    ],
    [
      "remove B's member",
      () => B.member.id,
      async () => (await join(A.workspace.id, "member")).id,
      (id) => removeMemberAction({ workspaceSlug: A.workspace.slug, userId: id }),
    ],
    [
      "set a budget for B's member",
      () => B.member.id,
      async () => (await join(A.workspace.id, "member")).id,
      (id) => setMemberBudgetAction({ workspaceSlug: A.workspace.slug, userId: id, limit: 1 }),
    ],
    [
      "hand A to B's member",
      () => B.member.id,
      async () => (await join(A.workspace.id, "member")).id,
      (id) => transferOwnershipAction({ workspaceSlug: A.workspace.slug, userId: id }),
    ],
  ];

  // The positive control of each case below: with an id of A's own the same call answers
  // otherwise, so the refusal is about whose id it is, not an action that refuses everything.

  it.each(actionCases)("%s: B's generation id answers like a random id", async (label, call) => {
    attack();
    const before = await snapshotOf(B, b);
    const random = randomId();
    const withRandom = seen(await call(random, "random"), random);
    expect(seen(await call(b.video, "b"), b.video)).toEqual(withRandom);
    // The errored one (retry's real target) too.
    expect(seen(await call(b.errored, "b"), b.errored)).toEqual(withRandom);
    expect(await snapshotOf(B, b)).toEqual(before);
    if (label.startsWith("remove")) {
      // Removing is idempotent and answers alike for any id; what it does to A's own shows.
      const where = { collectionId: a.collection, generationId: a.video };
      await call(a.video, "b");
      expect(await db.collectionItem.count({ where })).toBe(0);
      await db.collectionItem.create({ data: where });
      return;
    }
    if (label.startsWith("delete")) {
      // A's own failed generation goes; A's video, which the other cases use, stays.
      const mine = await db.generation.create({
        data: {
          workspaceId: A.workspace.id,
          authorId: A.owner.id,
          prompt: "A's own failed generation",
          promptOptimizer: false,
          model: "hailuo/02-text-to-video-pro",
          state: "fail",
          idempotencyKey: randomUUID(),
          callbackTokenHash: randomBytes(32).toString("hex"),
        },
      });
      expect(seen(await call(mine.id, "b"), mine.id)).toMatchObject({ ok: true });
      return;
    }
    // A's own video, in A's collection and shared as B's is (retry's control: refused as ready).
    const own = seen(await call(a.video, "b"), a.video);
    expect(own).not.toEqual(withRandom);
    expect(own).toMatchObject(
      label.startsWith("retry") ? { ok: false, error: { code: "conflict" } } : { ok: true },
    );
  });

  it.each(collectionCases)("%s: B's collection id answers like a random id", async (_l, call) => {
    attack();
    const before = await snapshotOf(B, b);
    const random = randomId();
    const withRandom = seen(await call(random, "random"), random);
    expect(seen(await call(b.collection, "b"), b.collection)).toEqual(withRandom);
    expect(await snapshotOf(B, b)).toEqual(before);
    const own = await ownCollection(A, a);
    const withOwn = seen(await call(own, "b"), own);
    expect(withOwn).not.toEqual(withRandom);
    expect(withOwn).toMatchObject({ ok: true });
  });

  it.each(otherCases)("%s: answers like a random id", async (_label, idOfB, ownId, call) => {
    attack();
    const before = await snapshotOf(B, b);
    const random = randomId();
    const withB = seen(await call(idOfB()), idOfB());
    const withRandom = seen(await call(random), random);
    expect(withB).toEqual(withRandom);
    expect(withB.ok).toBe(false);
    expect(await snapshotOf(B, b)).toEqual(before);
    const own = await ownId();
    try {
      const withOwn = seen(await call(own), own);
      expect(withOwn).not.toEqual(withRandom);
      expect(withOwn).toMatchObject({ ok: true });
    } finally {
      // A handed over in the control goes back, so A's owner stays the owner for what follows.
      await db.membership.updateMany({
        where: { workspaceId: A.workspace.id, userId: A.owner.id },
        data: { role: "owner" },
      });
      await db.membership.updateMany({
        where: { workspaceId: A.workspace.id, userId: own },
        data: { role: "member" },
      });
    }
  });

  it("B's slug answers every action exactly like a workspace that does not exist", async () => {
    attack();
    const before = await snapshotOf(B, b);
    const bySlug: ((slug: string) => Promise<ActionResult<unknown>>)[] = [
      (slug) => listAuthorsAction({ workspaceSlug: slug }),
      (slug) => listFavoritesAction({ workspaceSlug: slug }),
      (slug) => listCollectionsAction({ workspaceSlug: slug }),
      (slug) => listShareLinksAction({ workspaceSlug: slug }),
      (slug) =>
        createGenerationAction({
          workspaceSlug: slug,
          prompt: "偷偷生成一段视频",
          promptOptimizer: false,
          idempotencyKey: randomUUID(),
        }),
      (slug) =>
        toggleFavoriteAction({ workspaceSlug: slug, generationId: b.video, favorite: true }),
      (slug) => createShareLinkAction({ workspaceSlug: slug, targetType: "gallery" }),
      (slug) => revokeShareLinkAction({ workspaceSlug: slug, shareLinkId: b.shareLinkId }),
      (slug) =>
        createInviteAction({
          workspaceSlug: slug,
          role: "admin",
          expiresInDays: 1,
          singleUse: true,
        }),
      (slug) => setKieKeysAction({ workspaceSlug: slug, apiKey: "attacker-key-0123456789" }),
      (slug) => deleteWorkspaceAction({ workspaceSlug: slug, confirmName: B.workspace.name }),
    ];
    const missing = `no-such-${randomUUID().slice(0, 8)}`;
    for (const call of bySlug) {
      const withB = seen(await call(B.workspace.slug), B.workspace.slug);
      expect(withB).toEqual(seen(await call(missing), missing));
      expect(withB).toMatchObject({ ok: false, error: { code: "not_found" } });
    }
    expect(await snapshotOf(B, b)).toEqual(before);
  });

  // Routes: status, content type and body must match byte for byte.
  const routeCases: [string, (id: string) => Promise<Response>][] = [
    [
      "GET /api/w/A/generations/<id>",
      (id) =>
        callRoute(getGeneration, `/api/w/${A.workspace.slug}/generations/${id}`, {
          slug: A.workspace.slug,
          id,
        }),
    ],
    [
      "GET /api/w/A/generations/<id>/video",
      (id) =>
        callRoute(
          getVideo,
          `/api/w/${A.workspace.slug}/generations/${id}/video`,
          { slug: A.workspace.slug, id },
          { headers: { range: "bytes=0-99" } },
        ),
    ],
    [
      "GET /api/w/A/generations/<id>/video?download=1",
      (id) =>
        callRoute(getVideo, `/api/w/${A.workspace.slug}/generations/${id}/video?download=1`, {
          slug: A.workspace.slug,
          id,
        }),
    ],
    [
      "GET /api/w/A/generations/<id>/poster",
      (id) =>
        callRoute(getPoster, `/api/w/${A.workspace.slug}/generations/${id}/poster`, {
          slug: A.workspace.slug,
          id,
        }),
    ],
  ];

  it.each(routeCases)("%s: B's video answers like a random id (404)", async (_label, call) => {
    attack();
    const withB = await observe(await call(b.video));
    const withRandom = await observe(await call(randomId()));
    expect(withB).toEqual(withRandom);
    expect(withB.status).toBe(404);
    // A's own video does play, so the 404 is about B, not the route.
    expect((await observe(await call(a.video))).status).toBeLessThan(300);
  });

  it("the gallery filtered by B's collection or B's author answers like a random id", async () => {
    attack();
    const list = (query: string) =>
      callRoute(listGenerations, `/api/w/${A.workspace.slug}/generations?${query}`, {
        slug: A.workspace.slug,
      });
    for (const [param, idOfB] of [
      ["collection", b.collection],
      ["author", B.member.id],
    ] as const) {
      const withB = await observe(await list(`${param}=${idOfB}`));
      const withRandom = await observe(await list(`${param}=${randomId()}`));
      expect(withB).toEqual(withRandom);
      expect(withB.body).not.toContain(b.video);
    }
  });

  it("B's slug answers every route exactly like a workspace that does not exist", async () => {
    attack();
    const missing = `no-such-${randomUUID().slice(0, 8)}`;
    const bySlug: ((slug: string) => Promise<Response>)[] = [
      (slug) => callRoute(listGenerations, `/api/w/${slug}/generations`, { slug }),
      (slug) =>
        callRoute(getGeneration, `/api/w/${slug}/generations/${b.video}`, { slug, id: b.video }),
      (slug) =>
        callRoute(getVideo, `/api/w/${slug}/generations/${b.video}/video`, { slug, id: b.video }),
      (slug) =>
        callRoute(getPoster, `/api/w/${slug}/generations/${b.video}/poster`, {
          slug,
          id: b.video,
        }),
      (slug) => callRoute(getEvents, `/api/w/${slug}/events`, { slug }),
      (slug) => callRoute(getCredits, `/api/w/${slug}/credits`, { slug }),
    ];
    for (const call of bySlug) {
      const withB = await observe(await call(B.workspace.slug));
      expect(withB).toEqual(await observe(await call(missing)));
      expect(withB.status).toBe(404);
    }
  });
});

describe("the public page and media reveal only what was shared", () => {
  const media = (kind: "video" | "poster", token: string, generationId: string, q = "") =>
    callRoute(
      kind === "video" ? getSharedVideo : getSharedPoster,
      `/api/s/${token}/media/${generationId}/${kind}${q}`,
      { token, generationId },
    );

  it("a video link plays its video and nothing else: not its workspace's other video, not B's", async () => {
    signInAs(null);
    expect((await observe(await media("video", a.shareToken, a.video))).status).toBe(200);
    expect((await observe(await media("poster", a.shareToken, a.video))).status).toBe(200);
    const missing = await observe(await media("video", a.shareToken, randomId()));
    expect(missing.status).toBe(404);
    for (const kind of ["video", "poster"] as const) {
      for (const id of [a.other, b.video, b.other]) {
        expect(await observe(await media(kind, a.shareToken, id))).toEqual(
          kind === "video" ? missing : await observe(await media(kind, a.shareToken, randomId())),
        );
      }
      // Asking to download what is not shared is the same 404, not a 403.
      expect(await observe(await media("video", a.shareToken, a.other, "?download=1"))).toEqual(
        missing,
      );
    }
    const link = await resolveShareLink(a.shareToken);
    if (!link) throw new Error("A's link should be live");
    const page = await getSharedPage(a.shareToken, link);
    expect(page.videos.map((v) => v.id)).toEqual([a.video]);
    // The prompt stays private unless the sharer chose otherwise; no other id leaks into the page.
    const text = JSON.stringify(page);
    expect(page.videos[0]?.prompt).toBeNull();
    for (const hidden of [a.other, b.video, b.other, "清晨的竹林"])
      expect(text).not.toContain(hidden);
  });

  it("a signed-in member of the workspace gets no more through the link than anyone", async () => {
    signInAs(A.owner);
    const missing = await observe(await media("video", a.shareToken, randomId()));
    expect(await observe(await media("video", a.shareToken, a.other))).toEqual(missing);
  });

  it("a collection link exposes the collection's videos, nothing outside it", async () => {
    signInAs(null);
    const { url } = await createShareLink({
      workspaceId: A.workspace.id,
      actor: A.member,
      input: {
        targetType: "collection",
        collectionId: a.collection,
        expiry: "never",
        allowDownload: false,
        showPrompt: true,
      },
    });
    const token = url.split("/s/")[1] ?? "";
    const link = await resolveShareLink(token);
    if (!link) throw new Error("the collection link should be live");
    const page = await getSharedPage(token, link);
    expect(page.videos.map((v) => v.id)).toEqual([a.video]);
    expect(JSON.stringify(page)).not.toContain(a.other);
    expect((await observe(await media("video", token, a.video))).status).toBe(200);
    const missing = await observe(await media("video", token, randomId()));
    expect(missing.status).toBe(404);
    for (const id of [a.other, b.video]) {
      expect(await observe(await media("video", token, id))).toEqual(missing);
    }
    // Taken out of the collection, the video is gone from the link at once.
    await db.collectionItem.deleteMany({ where: { collectionId: a.collection } });
    try {
      expect(await observe(await media("video", token, a.video))).toEqual(missing);
      expect((await getSharedPage(token, link)).videos).toEqual([]);
    } finally {
      await db.collectionItem.create({
        data: { collectionId: a.collection, generationId: a.video },
      });
    }
  });

  it("a gallery link of A never shows or serves B's videos", async () => {
    signInAs(null);
    const { url } = await createShareLink({
      workspaceId: A.workspace.id,
      actor: A.owner,
      input: { targetType: "gallery", expiry: "never", allowDownload: false, showPrompt: false },
    });
    const token = url.split("/s/")[1] ?? "";
    const link = await resolveShareLink(token);
    if (!link) throw new Error("the gallery link should be live");
    const page = await getSharedPage(token, link);
    expect(page.videos.map((v) => v.id).sort()).toEqual([a.video, a.other].sort());
    const missing = await observe(await media("video", token, randomId()));
    for (const id of [b.video, b.other, a.errored]) {
      expect(await observe(await media("video", token, id))).toEqual(missing);
    }
  });

  it("a revoked link is a 404 exactly like a token that never existed or is malformed", async () => {
    signInAs(null);
    const { url, link } = await createShareLink({
      workspaceId: A.workspace.id,
      actor: A.member,
      input: {
        targetType: "generation",
        generationId: a.other,
        expiry: "never",
        allowDownload: true,
        showPrompt: true,
      },
    });
    const token = url.split("/s/")[1] ?? "";
    expect((await observe(await media("video", token, a.other))).status).toBe(200);
    await revokeShareLink({
      workspaceId: A.workspace.id,
      actor: A.member,
      role: "member",
      shareLinkId: link.id,
    });
    for (const kind of ["video", "poster"] as const) {
      const revoked = await observe(await media(kind, token, a.other));
      expect(revoked.status).toBe(404);
      expect(revoked).toEqual(await observe(await media(kind, randomToken(), a.other)));
      expect(revoked).toEqual(await observe(await media(kind, "not-a-token", a.other)));
      // …and like B's live link asked for A's video.
      expect(revoked).toEqual(await observe(await media(kind, b.shareToken, a.other)));
    }
    expect(await observe(await media("video", token, a.other, "?download=1"))).toEqual(
      await observe(await media("video", randomToken(), a.other, "?download=1")),
    );
    expect(await resolveShareLink(token)).toBeNull();
  });
});

describe("a member's media route", () => {
  const video = (t: Team, id: string, headers?: Record<string, string>) =>
    callRoute(
      getVideo,
      `/api/w/${t.workspace.slug}/generations/${id}/video`,
      {
        slug: t.workspace.slug,
        id,
      },
      { headers },
    );

  it("serves a viewer ranges of the video, and refuses a session ended by sign out everywhere", async () => {
    signInAs(A.viewer);
    const whole = await video(A, a.video);
    expect(whole.status).toBe(200);
    const size = Number(whole.headers.get("content-length"));
    await whole.body?.cancel();
    const part = await video(A, a.video, { range: "bytes=10-19" });
    expect(part.status).toBe(206);
    expect(part.headers.get("content-range")).toBe(`bytes 10-19/${size}`);
    expect((await part.arrayBuffer()).byteLength).toBe(10);

    // The viewer's token still carries session version 0; the account has moved on. (The video
    // just played may go on for the two seconds its grant is reused; the poster was never asked.)
    await db.user.update({
      where: { id: A.viewer.id },
      data: { sessionVersion: { increment: 1 } },
    });
    try {
      const poster = await callRoute(
        getPoster,
        `/api/w/${A.workspace.slug}/generations/${a.video}/poster`,
        { slug: A.workspace.slug, id: a.video },
      );
      expect((await observe(poster)).status).toBe(401);
      // The same answer where the stale session belongs to no membership at all.
      expect((await observe(await video(B, b.video))).status).toBe(401);
    } finally {
      await db.user.update({ where: { id: A.viewer.id }, data: { sessionVersion: 0 } });
    }
    // A generation of this workspace without a stored video, and one that does not exist.
    expect((await observe(await video(A, a.errored))).status).toBe(404);
    expect((await observe(await video(A, randomId()))).status).toBe(404);
  });
});
