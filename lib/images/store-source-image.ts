import "server-only";
import { createHash } from "node:crypto";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { checkImage, type ImageProblem, isImageType } from "@/lib/images/image-rules";
import { readImage, sniffImageType } from "@/lib/images/read-image";
import { type SourceImageDto, sourceImageUrl } from "@/lib/images/source-image-dto";
import { mediaStorage } from "@/lib/storage";

const EXTENSIONS: Record<string, string> = {
  "image/jpeg": "jpg",
  "image/png": "png",
  "image/webp": "webp",
};

/** A refusal in English that names the rule and the image's own figure. */
export function describeImageProblem(problem: ImageProblem | { rule: "unreadable" }): string {
  switch (problem.rule) {
    case "type":
      return `The image is ${problem.type}; kie.ai takes JPEG, PNG or WEBP`;
    case "bytes":
      return `The image is ${problem.bytes.toLocaleString("en-US")} bytes; kie.ai takes at most 10 MB (10,485,760 bytes)`;
    case "short_side":
      return `The image's shorter side is ${problem.shortSide} px; kie.ai needs more than 300 px`;
    case "ratio":
      return `The image is ${problem.width} × ${problem.height}; kie.ai takes shapes from 2:5 to 5:2`;
    case "unreadable":
      return "The image's size can't be read; it may be damaged";
  }
}

/**
 * Keeps an image a person gave for a video to start or end on: checked against kie.ai's rules
 * first (the bytes are sniffed, never trusted by name), then stored in the workspace's media. The
 * same image given again is the same stored image.
 */
export async function storeSourceImage(args: {
  workspace: { id: string; slug: string };
  uploaderId: string;
  bytes: Uint8Array;
}): Promise<SourceImageDto> {
  const facts = readImage(args.bytes);
  const sniffed = sniffImageType(args.bytes);
  const problem: ImageProblem | { rule: "unreadable" } | null = facts
    ? checkImage(facts)
    : isImageType(sniffed)
      ? { rule: "unreadable" }
      : { rule: "type", type: sniffed };
  if (problem || !facts) {
    const refusal = problem ?? { rule: "unreadable" as const };
    throw new AppError("invalid_input", describeImageProblem(refusal), { image: refusal.rule });
  }
  const sha256 = createHash("sha256").update(args.bytes).digest("hex");
  const existing = await db.sourceImage.findFirst({
    where: { workspaceId: args.workspace.id, sha256 },
    select: { id: true },
  });
  const dto = (id: string): SourceImageDto => ({
    id,
    url: sourceImageUrl(args.workspace.slug, id),
    width: facts.width,
    height: facts.height,
    bytes: facts.bytes,
    contentType: facts.type,
  });
  if (existing) return dto(existing.id);

  const key = `${args.workspace.id}/images/${sha256}.${EXTENSIONS[facts.type] ?? "bin"}`;
  await mediaStorage().putBuffer(key, Buffer.from(args.bytes), facts.type);
  const row = await db.sourceImage.upsert({
    // Two uploads of one image at once: one row.
    where: { key },
    create: {
      workspaceId: args.workspace.id,
      uploaderId: args.uploaderId,
      key,
      contentType: facts.type,
      bytes: facts.bytes,
      width: facts.width,
      height: facts.height,
      sha256,
    },
    update: {},
    select: { id: true },
  });
  return dto(row.id);
}
