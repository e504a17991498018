import { createHash, createHmac } from "node:crypto";
import { NextRequest } from "next/server";
import { beforeAll, describe, expect, it } from "vitest";
import { GET as getPoster } from "@/app/api/s/[token]/media/[generationId]/poster/route";
import { GET as getVideo } from "@/app/api/s/[token]/media/[generationId]/video/route";
import { hashPassword } from "@/lib/auth/password";
import { addToCollection } from "@/lib/collections/add-to-collection";
import { createCollection } from "@/lib/collections/create-collection";
import { db } from "@/lib/db";
import type { AppError } from "@/lib/errors";
import { createShareLink } from "@/lib/sharing/create-share-link";
import { getSharedPage } from "@/lib/sharing/get-shared-page";
import { listShareLinks } from "@/lib/sharing/list-share-links";
import { recordShareView } from "@/lib/sharing/record-share-view";
import { resolveShareLink } from "@/lib/sharing/resolve-share-link";
import { revokeShareLink } from "@/lib/sharing/revoke-share-link";
import { shareAccessCookie, shareAccessValue } from "@/lib/sharing/share-access";
import { type ShareMetadataLabels, shareMetadata } from "@/lib/sharing/share-metadata";
import { unlockShareLink } from "@/lib/sharing/unlock-share-link";
import { clearOfWindowStart } from "@/tests/support/rate-limit-window";
import { generate, newWorkspace, readyVideo, waitForState } from "@/tests/support/studio";

type Ctx = Awaited<ReturnType<typeof newWorkspace>>;

const OPTIONS = { expiry: "never", allowDownload: false, showPrompt: false } as const;

async function openLink(token: string) {
  const link = await resolveShareLink(token);
  if (!link) throw new Error("the link should be open");
  return link;
}

function tokenOf(url: string): string {
  return url.split("/s/")[1] ?? "";
}

function media(
  kind: "video" | "poster",
  token: string,
  generationId: string,
  init: { cookie?: { linkId: string; value: string }; range?: string; download?: boolean } = {},
) {
  const headers = new Headers();
  if (init.cookie) {
    headers.set("cookie", `${shareAccessCookie({ id: init.cookie.linkId })}=${init.cookie.value}`);
  }
  if (init.range) headers.set("range", init.range);
  const url = `http://127.0.0.1/api/s/${token}/media/${generationId}/${kind}${init.download ? "?download=1" : ""}`;
  const handler = kind === "video" ? getVideo : getPoster;
  return handler(new NextRequest(url, { headers }), {
    params: Promise.resolve({ token, generationId }),
  });
}

// The address unlock requests come from, unless a test says another.
const HOME = "192.0.2.10";

async function protectedLink(password: string): Promise<string> {
  const { url } = await createShareLink({
    workspaceId: a.workspace.id,
    actor,
    input: { ...OPTIONS, targetType: "generation", generationId: shared, password },
  });
  return tokenOf(url);
}

async function rejection(p: Promise<unknown>): Promise<AppError> {
  return (await p.then(
    () => {
      throw new Error("expected a rejection");
    },
    (e: unknown) => e,
  )) as AppError;
}

const labels: ShareMetadataLabels = {
  unavailableTitle: "This link isn't available",
  lockedTitle: "Password-protected",
  videoTitle: "A video",
  collectionTitle: (n) => n,
  galleryTitle: (w) => `Videos from ${w}`,
  shotTitle: (takes, w) => `${takes} takes from ${w}`,
  description: "Watch this video",
};

let a: Ctx;
let b: Ctx;
let shared: string;
let other: string;
let failed: string;
let foreign: string;
let actor: { id: string; email: string };

beforeAll(async () => {
  [a, b] = await Promise.all([newWorkspace(), newWorkspace()]);
  actor = await db.user.findUniqueOrThrow({
    where: { id: a.userId },
    select: { id: true, email: true },
  });
  [shared, other, foreign] = await Promise.all([
    readyVideo(a, "海边的灯塔，黄昏，缓慢推镜 [Push in]"),
    readyVideo(a, "a red kite over green hills"),
    readyVideo(b, "another workspace's secret video"),
  ]);
  const f = await generate(a, "this one fails [sim:fail]");
  await waitForState(f.id, ["fail"]);
  failed = f.id;
});

describe("share links", () => {
  it("stores only the token's hash, and the link opens the one video it shares", async () => {
    const { url, link } = await createShareLink({
      workspaceId: a.workspace.id,
      actor,
      input: { ...OPTIONS, targetType: "generation", generationId: shared, showPrompt: true },
    });
    const token = tokenOf(url);
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const row = await db.shareLink.findUniqueOrThrow({ where: { id: link.id } });
    expect(row.tokenHash).toBe(createHash("sha256").update(token).digest("hex"));
    expect(JSON.stringify(row)).not.toContain(token);
    expect(JSON.stringify(await listShareLinks({ workspaceId: a.workspace.id }))).not.toContain(
      token,
    );

    const open = await resolveShareLink(token);
    expect(open?.id).toBe(link.id);
    const page = await getSharedPage(token, open ?? (await openLink(token)));
    expect(page.videos.map((v) => v.id)).toEqual([shared]);
    expect(page.videos[0]?.prompt).toContain("灯塔");
    expect(page.videos[0]?.downloadUrl).toBeNull();

    const res = await media("video", token, shared, { range: "bytes=0-99" });
    expect(res.status).toBe(206);
    expect(res.headers.get("content-range")).toMatch(/^bytes 0-99\/\d+$/);
    expect((await res.arrayBuffer()).byteLength).toBe(100);
    expect((await media("poster", token, shared)).headers.get("content-type")).toBe("image/jpeg");
  });

  it("hides the prompt unless the sharer chose to show it", async () => {
    const { url } = await createShareLink({
      workspaceId: a.workspace.id,
      actor,
      input: { ...OPTIONS, targetType: "generation", generationId: shared },
    });
    const token = tokenOf(url);
    const page = await getSharedPage(token, await openLink(token));
    expect(page.videos[0]?.prompt).toBeNull();
    const meta = shareMetadata({ token, state: { kind: "open", page }, labels });
    expect(JSON.stringify(meta)).not.toContain("灯塔");
  });

  it("serves only what was shared: another video of the workspace or another workspace's is 404", async () => {
    const { url } = await createShareLink({
      workspaceId: a.workspace.id,
      actor,
      input: { ...OPTIONS, targetType: "generation", generationId: shared },
    });
    const token = tokenOf(url);
    expect((await media("video", token, shared)).status).toBe(200);
    for (const id of [other, foreign, failed, "does-not-exist"]) {
      expect((await media("video", token, id)).status).toBe(404);
      expect((await media("poster", token, id)).status).toBe(404);
    }
    // A made-up token and an unknown one look the same as a dead one.
    expect((await media("video", "x".repeat(43), shared)).status).toBe(404);
    expect((await media("video", "short", shared)).status).toBe(404);
  });

  it("refuses to share another workspace's video, or one that is not ready", async () => {
    const stranger = await rejection(
      createShareLink({
        workspaceId: a.workspace.id,
        actor,
        input: { ...OPTIONS, targetType: "generation", generationId: foreign },
      }),
    );
    expect(stranger.code).toBe("not_found");
    const notReady = await rejection(
      createShareLink({
        workspaceId: a.workspace.id,
        actor,
        input: { ...OPTIONS, targetType: "generation", generationId: failed },
      }),
    );
    expect(notReady.code).toBe("conflict");
  });

  it("a collection link serves the collection's ready videos and nothing else", async () => {
    const c = await createCollection({
      workspaceId: a.workspace.id,
      userId: a.userId,
      name: "Best",
    });
    await addToCollection({
      workspaceId: a.workspace.id,
      collectionId: c.id,
      generationId: shared,
    });
    await addToCollection({
      workspaceId: a.workspace.id,
      collectionId: c.id,
      generationId: failed,
    });
    const { url } = await createShareLink({
      workspaceId: a.workspace.id,
      actor,
      input: { ...OPTIONS, targetType: "collection", collectionId: c.id },
    });
    const token = tokenOf(url);
    const page = await getSharedPage(token, await openLink(token));
    expect(page.kind).toBe("collection");
    expect(page.collectionName).toBe("Best");
    expect(page.videos.map((v) => v.id)).toEqual([shared]);
    expect((await media("video", token, shared)).status).toBe(200);
    expect((await media("video", token, other)).status).toBe(404);
    expect((await media("video", token, foreign)).status).toBe(404);
  });

  it("a gallery link shows every ready video of its workspace only", async () => {
    const { url } = await createShareLink({
      workspaceId: a.workspace.id,
      actor,
      input: { ...OPTIONS, targetType: "gallery" },
    });
    const token = tokenOf(url);
    const page = await getSharedPage(token, await openLink(token));
    expect(page.videos.map((v) => v.id).sort()).toEqual([shared, other].sort());
    expect((await media("video", token, other)).status).toBe(200);
    expect((await media("video", token, foreign)).status).toBe(404);
    expect((await media("video", token, failed)).status).toBe(404);
  });

  it("revoking kills the page and the media at once", async () => {
    const { url, link } = await createShareLink({
      workspaceId: a.workspace.id,
      actor,
      input: { ...OPTIONS, targetType: "generation", generationId: shared },
    });
    const token = tokenOf(url);
    expect((await media("video", token, shared)).status).toBe(200);
    await revokeShareLink({
      workspaceId: a.workspace.id,
      actor,
      role: "owner",
      shareLinkId: link.id,
    });
    expect(await resolveShareLink(token)).toBeNull();
    expect((await media("video", token, shared)).status).toBe(404);
    expect((await media("poster", token, shared)).status).toBe(404);
    const audit = await db.auditLog.findMany({
      where: { workspaceId: a.workspace.id, targetId: link.id },
      select: { action: true },
    });
    expect(audit.map((e) => e.action).sort()).toEqual(["share.created", "share.revoked"]);
  });

  it("members revoke their own links; only admins revoke other people's", async () => {
    const { link } = await createShareLink({
      workspaceId: a.workspace.id,
      actor,
      input: { ...OPTIONS, targetType: "generation", generationId: shared },
    });
    const member = { id: b.userId, email: "member@example.com" };
    const denied = await rejection(
      revokeShareLink({
        workspaceId: a.workspace.id,
        actor: member,
        role: "member",
        shareLinkId: link.id,
      }),
    );
    expect(denied.code).toBe("forbidden");
    // Another workspace's link id is not found, not forbidden.
    const elsewhere = await rejection(
      revokeShareLink({ workspaceId: b.workspace.id, actor, role: "owner", shareLinkId: link.id }),
    );
    expect(elsewhere.code).toBe("not_found");
    const done = await revokeShareLink({
      workspaceId: a.workspace.id,
      actor: member,
      role: "admin",
      shareLinkId: link.id,
    });
    expect(done.revokedAt).toBeTruthy();
  });

  it("an expired link is as dead as a revoked one", async () => {
    const { url, link } = await createShareLink({
      workspaceId: a.workspace.id,
      actor,
      input: { ...OPTIONS, targetType: "generation", generationId: shared, expiry: "1d" },
    });
    const token = tokenOf(url);
    const row = await db.shareLink.findUniqueOrThrow({ where: { id: link.id } });
    expect((row.expiresAt?.getTime() ?? 0) - Date.now()).toBeGreaterThan(23 * 3600_000);
    expect(await resolveShareLink(token)).not.toBeNull();
    await db.shareLink.update({
      where: { id: link.id },
      data: { expiresAt: new Date(Date.now() - 1000) },
    });
    expect(await resolveShareLink(token)).toBeNull();
    expect((await media("video", token, shared)).status).toBe(404);
    expect(
      (await listShareLinks({ workspaceId: a.workspace.id })).find((l) => l.id === link.id)?.status,
    ).toBe("expired");
  });

  it("a password-protected link needs the password (hashed at rest, guesses rate-limited)", async () => {
    await clearOfWindowStart(20_000);
    const { url, link } = await createShareLink({
      workspaceId: a.workspace.id,
      actor,
      input: {
        ...OPTIONS,
        targetType: "generation",
        generationId: shared,
        password: "open sesame",
      },
    });
    const token = tokenOf(url);
    const row = await db.shareLink.findUniqueOrThrow({ where: { id: link.id } });
    expect(row.passwordHash).toMatch(/^\$argon2id\$/);

    // Without the cookie: no media; a forged cookie neither.
    expect((await media("video", token, shared)).status).toBe(404);
    expect(
      (await media("video", token, shared, { cookie: { linkId: link.id, value: "forged" } }))
        .status,
    ).toBe(404);
    const wrong = await rejection(unlockShareLink({ token, password: "guess", address: HOME }));
    expect(wrong.code).toBe("invalid_input");

    const { linkId, cookieValue } = await unlockShareLink({
      token,
      password: "open sesame",
      address: HOME,
    });
    expect(linkId).toBe(link.id);
    const cookie = { linkId, value: cookieValue };
    expect((await media("video", token, shared, { cookie })).status).toBe(200);
    // Metadata of a locked link reveals nothing.
    const locked = JSON.stringify(shareMetadata({ token, state: { kind: "locked" }, labels }));
    expect(locked).not.toMatch(/og|video|poster|灯塔/i);

    for (let i = 0; i < 4; i++)
      await unlockShareLink({ token, password: `no-${i}`, address: HOME }).catch(() => {});
    const limited = await rejection(
      unlockShareLink({ token, password: "open sesame", address: HOME }),
    );
    expect(limited.code).toBe("rate_limited");
  });

  it("a stranger's wrong guesses do not lock out the people the link was given to", async () => {
    await clearOfWindowStart(20_000);
    const token = await protectedLink("harbour lights");
    const stranger = "203.0.113.66";
    const codes = [];
    for (let i = 0; i < 12; i++)
      codes.push(
        (await rejection(unlockShareLink({ token, password: `g${i}`, address: stranger }))).code,
      );
    expect(codes.filter((c) => c === "invalid_input")).toHaveLength(5);
    expect(codes.filter((c) => c === "rate_limited")).toHaveLength(7);
    const viewer = await unlockShareLink({ token, password: "harbour lights", address: HOME });
    expect(viewer.cookieValue).toBeTruthy();
  });

  it("guesses spread over many addresses are still bounded per link", async () => {
    await clearOfWindowStart(20_000);
    const token = await protectedLink("quiet tide");
    // 50 wrong an hour from 10 addresses, 5 each, fill the link's allowance.
    for (let i = 0; i < 50; i++) {
      const e = await rejection(
        unlockShareLink({ token, password: `s${i}`, address: `203.0.113.${i % 10}` }),
      );
      expect(e.code).toBe("invalid_input");
    }
    // Past it, a new address gets one wrong, then waits; the right password still opens.
    const fresh = "203.0.113.200";
    const codes = [];
    for (let i = 0; i < 2; i++)
      codes.push(
        (await rejection(unlockShareLink({ token, password: `f${i}`, address: fresh }))).code,
      );
    expect(codes).toEqual(["invalid_input", "rate_limited"]);
    expect(await unlockShareLink({ token, password: "quiet tide", address: HOME })).toBeTruthy();
  });

  it("a burst of simultaneous guesses gets no more than the allowance checked", async () => {
    await clearOfWindowStart(20_000);
    const token = await protectedLink("tide");
    // Right passwords are given back: many people may open the link.
    for (let i = 0; i < 12; i++) await unlockShareLink({ token, password: "tide", address: HOME });
    const answers = await Promise.all(
      Array.from({ length: 25 }, (_, i) =>
        rejection(unlockShareLink({ token, password: `x${i}`, address: HOME })),
      ),
    );
    const codes = answers.map((e) => e.code);
    expect(codes.filter((c) => c === "invalid_input")).toHaveLength(5);
    expect(codes.filter((c) => c === "rate_limited")).toHaveLength(20);
  });

  it("the password's cookie lasts a day on the server, and a new password voids it", async () => {
    const token = await protectedLink("lantern");
    const { linkId, cookieValue } = await unlockShareLink({
      token,
      password: "lantern",
      address: HOME,
    });
    expect(
      (await media("video", token, shared, { cookie: { linkId, value: cookieValue } })).status,
    ).toBe(200);
    const row = await db.shareLink.findUniqueOrThrow({ where: { id: linkId } });
    const DAY_MS = 24 * 60 * 60_000;
    // A browser that kept the cookie past its Max-Age: refused by the server all the same.
    const old = shareAccessValue(row, Date.now() - DAY_MS - 1000);
    expect((await media("video", token, shared, { cookie: { linkId, value: old } })).status).toBe(
      404,
    );
    const nearlyOld = shareAccessValue(row, Date.now() - DAY_MS + 60_000);
    expect(
      (await media("video", token, shared, { cookie: { linkId, value: nearlyOld } })).status,
    ).toBe(200);
    // The signed time can't be moved: the same signature with a fresher time is refused.
    const moved = `${Math.floor(Date.now() / 1000)}.${old.split(".")[1]}`;
    expect((await media("video", token, shared, { cookie: { linkId, value: moved } })).status).toBe(
      404,
    );
    // A cookie from the time before it carried one is refused.
    const timeless = createHmac("sha256", process.env.AUTH_SECRET ?? "")
      .update(`share-access:v1:${row.id}:${row.passwordHash}`)
      .digest("base64url");
    expect(
      (await media("video", token, shared, { cookie: { linkId, value: timeless } })).status,
    ).toBe(404);

    await db.shareLink.update({
      where: { id: linkId },
      data: { passwordHash: await hashPassword("another lantern") },
    });
    expect(
      (await media("video", token, shared, { cookie: { linkId, value: cookieValue } })).status,
    ).toBe(404);
  });

  it("allows download only when the sharer did", async () => {
    const forbid = await createShareLink({
      workspaceId: a.workspace.id,
      actor,
      input: { ...OPTIONS, targetType: "generation", generationId: shared },
    });
    expect((await media("video", tokenOf(forbid.url), shared, { download: true })).status).toBe(
      403,
    );

    const allow = await createShareLink({
      workspaceId: a.workspace.id,
      actor,
      input: { ...OPTIONS, targetType: "generation", generationId: shared, allowDownload: true },
    });
    const token = tokenOf(allow.url);
    const res = await media("video", token, shared, { download: true });
    expect(res.status).toBe(200);
    // The prompt is hidden on this link, so the file is named by the video's id…
    expect(res.headers.get("content-disposition")).toBe(
      `attachment; filename="hailuo-${shared}.mp4"; filename*=UTF-8''hailuo-${shared}.mp4`,
    );
    const page = await getSharedPage(token, await openLink(token));
    expect(page.videos[0]?.downloadUrl).toContain("download=1");
    // …and by its prompt's first words, Chinese kept, where the link shows the prompt.
    const shown = await createShareLink({
      workspaceId: a.workspace.id,
      actor,
      input: {
        ...OPTIONS,
        targetType: "generation",
        generationId: shared,
        allowDownload: true,
        showPrompt: true,
      },
    });
    const named = await media("video", tokenOf(shown.url), shared, { download: true });
    const name = "海边的灯塔，黄昏，缓慢推镜 [Push in].mp4";
    expect(named.headers.get("content-disposition")).toBe(
      `attachment; filename="${"_".repeat(13)} [Push in].mp4"; filename*=UTF-8''${encodeURIComponent(name)}`,
    );
  });

  it("counts page views, not media requests", async () => {
    const { url, link } = await createShareLink({
      workspaceId: a.workspace.id,
      actor,
      input: { ...OPTIONS, targetType: "generation", generationId: shared },
    });
    const token = tokenOf(url);
    await recordShareView(link.id);
    await recordShareView(link.id);
    await media("video", token, shared, { range: "bytes=0-10" });
    await media("poster", token, shared);
    const row = await db.shareLink.findUniqueOrThrow({ where: { id: link.id } });
    expect(row.views).toBe(2);
  });

  it("carries Open Graph and Twitter tags with absolute URLs", async () => {
    const { url } = await createShareLink({
      workspaceId: a.workspace.id,
      actor,
      input: { ...OPTIONS, targetType: "generation", generationId: shared, showPrompt: true },
    });
    const token = tokenOf(url);
    const page = await getSharedPage(token, await openLink(token));
    const meta = shareMetadata({ token, state: { kind: "open", page }, labels });
    const appUrl = process.env.APP_URL ?? "";
    const og = meta.openGraph as {
      type: string;
      description: string;
      videos: { url: string; type: string; width?: number }[];
      images: { url: string }[];
    };
    expect(og.type).toBe("video.other");
    expect(og.description).toContain("灯塔");
    expect(og.videos[0]?.url).toBe(`${appUrl}/api/s/${token}/media/${shared}/video`);
    expect(og.videos[0]?.type).toBe("video/mp4");
    expect(og.videos[0]?.width).toBeGreaterThan(0);
    expect(og.images[0]?.url).toBe(`${appUrl}/api/s/${token}/media/${shared}/poster`);
    expect((meta.twitter as { card: string }).card).toBe("summary_large_image");
    const dead = JSON.stringify(shareMetadata({ token, state: { kind: "unavailable" }, labels }));
    expect(dead).not.toMatch(/api\/s|og|灯塔/);
  });
});
