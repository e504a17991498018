import "server-only";
import { buffer } from "node:stream/consumers";
import { db } from "@/lib/db";
import type { KieClient, KieResult } from "@/lib/kie/client";
import { makeKieError } from "@/lib/kie/errors";
import { mediaStorage } from "@/lib/storage";

// kie.ai deletes uploaded files after a while: its pages say 24 hours in one place and three
// days in another. A copy is trusted for less than the shorter, with room for a task to fetch it.
const TRUSTED_FOR_MS = 20 * 60 * 60 * 1000;

// The takes of one press are submitted together: while one uploads an image, the others in this
// process wait for its answer instead of uploading it again.
const uploading = new Map<string, Promise<KieResult<string>>>();

/**
 * The URL kie.ai fetches a stored image from: its copy from the File Upload API while that is
 * still trusted, else a new upload (recorded, so the takes of a press and later submissions use
 * it too).
 */
export function kieImageUrl(
  client: KieClient,
  imageId: string,
  now = new Date(),
): Promise<KieResult<string>> {
  const pending = uploading.get(imageId);
  if (pending) return pending;
  const work = resolveKieImageUrl(client, imageId, now).finally(() => uploading.delete(imageId));
  uploading.set(imageId, work);
  return work;
}

async function resolveKieImageUrl(
  client: KieClient,
  imageId: string,
  now: Date,
): Promise<KieResult<string>> {
  const image = await db.sourceImage.findUnique({
    where: { id: imageId },
    select: {
      workspaceId: true,
      key: true,
      contentType: true,
      sha256: true,
      kieUrl: true,
      kieUrlUntil: true,
    },
  });
  if (!image) {
    return {
      ok: false,
      error: makeKieError({
        kind: "validation",
        reason: "request_invalid",
        message: "The video's image is no longer in the studio",
      }),
    };
  }
  if (image.kieUrl && image.kieUrlUntil && image.kieUrlUntil > now) {
    return { ok: true, data: image.kieUrl };
  }
  const bytes = await buffer(await mediaStorage().read(image.key));
  const extension = image.key.slice(image.key.lastIndexOf(".") + 1);
  const uploaded = await client.uploadFile({
    bytes,
    contentType: image.contentType,
    uploadPath: `hailuo-studio/${image.workspaceId}`,
    // Named by its content: uploading it again replaces the same file.
    fileName: `${image.sha256}.${extension}`,
  });
  if (!uploaded.ok) return uploaded;
  await db.sourceImage.update({
    where: { id: imageId },
    data: {
      kieUrl: uploaded.data.downloadUrl,
      kieUrlUntil: new Date(now.getTime() + TRUSTED_FOR_MS),
    },
    select: { id: true },
  });
  return { ok: true, data: uploaded.data.downloadUrl };
}
