import "server-only";
import { randomUUID } from "node:crypto";
import { rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { publishChange } from "@/lib/generations/publish";
import type { JobContext, JobOutcome } from "@/lib/jobs/types";
import { kieClientFor } from "@/lib/kie-account/kie-client-for";
import { logger } from "@/lib/logger";
import { isAllowedMediaUrl, parseHostPatterns } from "@/lib/media/allowed-hosts";
import { downloadVideo, MediaError } from "@/lib/media/download-video";
import { guardedFetch } from "@/lib/media/guarded-fetch";
import { posterFrame } from "@/lib/media/poster-frame";
import { probeMp4 } from "@/lib/media/probe-mp4";
import { mediaStorage } from "@/lib/storage";

let guarded: ReturnType<typeof guardedFetch> | undefined;

// Results come from kie.ai's public file hosts; only the configured kie.ai origin (a local
// simulator) may live on a private address.
function mediaFetch() {
  guarded ??= guardedFetch([new URL(env().KIE_BASE_URL).hostname]);
  return guarded;
}

/** A fresh link for an expired result: kie.ai's download-url first, then recordInfo again. */
async function refreshedUrl(
  workspaceId: string,
  taskId: string | null,
  url: string,
): Promise<string | null> {
  const client = await kieClientFor(workspaceId);
  const fresh = await client.downloadUrl(url);
  if (fresh.ok) return fresh.data;
  if (!taskId) return null;
  const record = await client.recordInfo(taskId);
  return record.ok ? (record.data.resultUrls[0] ?? null) : null;
}

/**
 * Copies a finished video into the studio's storage at once (kie.ai's links expire), with its
 * poster frame, duration and size. The gallery only ever links to this copy.
 */
export async function storeMedia(generationId: string, ctx: JobContext): Promise<JobOutcome> {
  const g = await db.generation.findUnique({
    where: { id: generationId },
    select: {
      id: true,
      workspaceId: true,
      state: true,
      resultUrl: true,
      providerTaskId: true,
      mediaState: true,
      deletedAt: true,
    },
  });
  if (g?.state !== "success" || g.mediaState === "stored" || g.deletedAt) return;

  const e = env();
  const isAllowed = (url: string) =>
    isAllowedMediaUrl(url, {
      patterns: parseHostPatterns(e.MEDIA_ALLOWED_HOSTS),
      baseUrl: e.KIE_BASE_URL,
    });
  const temp = join(tmpdir(), `hailuo-${randomUUID()}.mp4`);
  const { signal } = ctx;
  const download = (url: string) =>
    downloadVideo({
      url,
      dest: temp,
      maxBytes: e.MEDIA_MAX_BYTES,
      isAllowed,
      fetch: mediaFetch(),
      signal,
    });
  try {
    if (!g.resultUrl)
      throw new MediaError("no_url", "kie.ai reported success without a video URL", true);
    let downloaded: { bytes: number };
    try {
      downloaded = await download(g.resultUrl);
    } catch (err) {
      if (!(err instanceof MediaError && err.expired)) throw err;
      const fresh = await refreshedUrl(g.workspaceId, g.providerTaskId, g.resultUrl);
      if (!fresh) throw err;
      downloaded = await download(fresh);
    }

    const info = await probeMp4(temp);
    const poster = await posterFrame(temp, { signal });
    // The run may have been called off meanwhile (its lease lost, a shutdown): another run
    // stores this video, and this one writes nothing more.
    signal.throwIfAborted();
    const base = `${g.workspaceId}/${g.id}`;
    const storage = mediaStorage();
    if (poster) await storage.putBuffer(`${base}/poster.jpg`, poster, "image/jpeg");
    await storage.putFile(`${base}/video.mp4`, temp, "video/mp4", { signal });
    signal.throwIfAborted();

    // Only while the generation is still there: one deleted meanwhile keeps no media.
    const stored = await db.generation.updateMany({
      where: { id: g.id, deletedAt: null },
      data: {
        mediaState: "stored",
        mediaError: null,
        mediaErrorCode: null,
        mediaKey: `${base}/video.mp4`,
        posterKey: poster ? `${base}/poster.jpg` : null,
        bytes: downloaded.bytes,
        durationMs: info.durationMs,
        width: info.width,
        height: info.height,
      },
    });
    if (stored.count === 0) {
      await storage.delete(`${base}/video.mp4`).catch(() => {});
      if (poster) await storage.delete(`${base}/poster.jpg`).catch(() => {});
      return;
    }
    logger.info({ generation: g.id, bytes: downloaded.bytes }, "video stored");
    publishChange(g);
  } catch (err) {
    const message = err instanceof Error ? err.message : String(err);
    const permanent = err instanceof MediaError && err.permanent;
    // Called off, it failed at nothing: the failure is not the video's.
    if (signal.aborted || (!permanent && !ctx.lastAttempt)) throw err;
    await db.generation.updateMany({
      where: { id: g.id, deletedAt: null },
      data: {
        mediaState: "failed",
        mediaError: message,
        mediaErrorCode: err instanceof MediaError ? err.code : "internal",
      },
    });
    logger.warn({ generation: g.id, err: message }, "video could not be stored");
    publishChange(g);
  } finally {
    await rm(temp, { force: true });
  }
}
