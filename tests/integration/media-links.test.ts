import { NextRequest } from "next/server";
import { describe, expect, it } from "vitest";
import { GET as getLinkedMedia } from "@/app/media/[...key]/route";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { deleteGeneration } from "@/lib/generations/delete-generation";
import { getGeneration } from "@/lib/generations/get-generation";
import { listGenerations } from "@/lib/generations/list-generations";
import { mediaLinks } from "@/lib/media/media-links";
import { mediaStorage } from "@/lib/storage";
import { generationRow, newWorkspace, readyVideo } from "@/tests/support/studio";

// The signed links a member's player fetches video from, as the route handler answers them (the
// production server's door answers the same links before Next.js: tests/production/media-door).
const MiB = 1024 * 1024;

function fetchLink(link: string, init: { method?: string; range?: string } = {}) {
  return getLinkedMedia(
    new NextRequest(`http://localhost${link}`, {
      method: init.method ?? "GET",
      headers: init.range ? { range: init.range } : {},
    }),
  );
}

async function storedBytes(key: string, start: number, end: number): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const c of await mediaStorage().read(key, { start, end })) chunks.push(c as Buffer);
  return Buffer.concat(chunks);
}

describe("signed media links", () => {
  it("are what a member's gallery and video page play from, and answer ranges with the stored bytes", async () => {
    const ctx = await newWorkspace();
    const id = await readyVideo(ctx, "江南烟雨，一叶扁舟");
    const { mediaKey } = await generationRow(id);
    const dto = await getGeneration({
      workspaceId: ctx.workspace.id,
      workspaceSlug: ctx.workspace.slug,
      id,
    });
    const page = await listGenerations({
      workspaceId: ctx.workspace.id,
      workspaceSlug: ctx.workspace.slug,
    });
    const link = dto.media.playUrl ?? "";
    expect(link).toMatch(/^\/media\/[\w-]+\/[\w-]+\/video\.mp4\?e=\d+&s=[\w-]{43}$/);
    expect(page.items.find((g) => g.id === id)?.media.playUrl).toBe(link);
    // The member route stays the download and the player's fallback.
    expect(dto.media.videoUrl).toBe(`/api/w/${ctx.workspace.slug}/generations/${id}/video`);

    const size = (await mediaStorage().stat(mediaKey ?? ""))?.size ?? 0;
    expect(size).toBeGreaterThan(0);
    const end = Math.min(size, MiB) - 1;
    const res = await fetchLink(link, { range: `bytes=0-${end}` });
    expect(res.status).toBe(206);
    expect(res.headers.get("content-range")).toBe(`bytes 0-${end}/${size}`);
    expect(res.headers.get("content-type")).toBe("video/mp4");
    const maxAge = Number(/max-age=(\d+)/.exec(res.headers.get("cache-control") ?? "")?.[1]);
    expect(maxAge).toBeGreaterThan(12 * 3600 - 60);
    expect(maxAge).toBeLessThanOrEqual(24 * 3600);
    expect(res.headers.get("cache-control")).toContain("private");
    expect(Buffer.from(await res.arrayBuffer())).toEqual(await storedBytes(mediaKey ?? "", 0, end));

    const whole = await fetchLink(link);
    expect(whole.status).toBe(200);
    expect((await whole.arrayBuffer()).byteLength).toBe(size);
    const head = await fetchLink(link, { method: "HEAD", range: "bytes=0-9" });
    expect(head.status).toBe(206);
    expect(await head.text()).toBe("");
    const beyond = await fetchLink(link, { range: `bytes=${size}-${size + 10}` });
    expect(beyond.status).toBe(416);
    expect(beyond.headers.get("content-range")).toBe(`bytes */${size}`);
  });

  it("refuse a link that is forged, expired, for another file or not a link at all, without a 500", async () => {
    const ctx = await newWorkspace();
    const id = await readyVideo(ctx, "a video behind a link");
    const { mediaKey, posterKey } = await generationRow(id);
    const links = mediaLinks(env().AUTH_SECRET);
    const good = links.sign(mediaKey ?? "");
    const query = good.slice(good.indexOf("?"));

    const expired = await fetchLink(links.sign(mediaKey ?? "", Date.now() - 3 * 24 * 3600_000));
    expect(expired.status).toBe(403);
    expect(await expired.json()).toMatchObject({ error: "link_expired" });
    const otherSecret = await fetchLink(
      mediaLinks("some-other-secret-0123456789").sign(mediaKey ?? ""),
    );
    expect(otherSecret.status).toBe(403);
    expect(await otherSecret.json()).toMatchObject({ error: "forbidden" });
    // The video's signature does not open its poster.
    const otherFile = await fetchLink(`/media/${posterKey}${query}`);
    expect(otherFile.status).toBe(403);
    for (const path of [
      `/media/${mediaKey}`,
      `/media/${mediaKey}?e=abc&s=def`,
      `/media/..%2F..%2Fdata%2Fauth-secret${query}`,
      `/media/${encodeURIComponent("视频")}/x/video.mp4${query}`,
    ]) {
      const res = await fetchLink(path);
      expect(res.status, path).toBe(404);
    }
    // An unknown but well-formed key, signed: nothing there.
    const missing = await fetchLink(links.sign(`${ctx.workspace.id}/nothing-here/video.mp4`));
    expect(missing.status).toBe(404);
  });

  it("stop answering the moment the video is deleted", async () => {
    const ctx = await newWorkspace();
    const id = await readyVideo(ctx, "a video soon deleted");
    const dto = await getGeneration({
      workspaceId: ctx.workspace.id,
      workspaceSlug: ctx.workspace.slug,
      id,
    });
    const link = dto.media.playUrl ?? "";
    // Played first, so its file is open in the store's cache of open files.
    expect((await fetchLink(link, { range: "bytes=0-99" })).status).toBe(206);
    const actor = await db.user.findUniqueOrThrow({
      where: { id: ctx.userId },
      select: { id: true, email: true },
    });
    await deleteGeneration({
      workspaceId: ctx.workspace.id,
      actor,
      role: "owner",
      generationId: id,
    });
    expect((await fetchLink(link, { range: "bytes=0-99" })).status).toBe(404);
  });
});
