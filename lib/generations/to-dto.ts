import type { GenerationDto } from "@/lib/generations/dto";
import { isGenerationState } from "@/lib/generations/state-machine";
import { sourceImageUrl } from "@/lib/images/source-image-dto";
import { MEDIA_ERROR_CODES } from "@/lib/media/media-error-codes";
import { playLink } from "@/lib/media/play-link";

export const generationDtoSelect = {
  id: true,
  prompt: true,
  promptOptimizer: true,
  model: true,
  duration: true,
  resolution: true,
  estimatedCredits: true,
  state: true,
  submitStatus: true,
  shotId: true,
  take: true,
  takeCount: true,
  keptAt: true,
  failCode: true,
  failMsg: true,
  credits: true,
  createdAt: true,
  finishedAt: true,
  providerCostMs: true,
  finalSource: true,
  mediaState: true,
  mediaError: true,
  mediaErrorCode: true,
  mediaKey: true,
  posterKey: true,
  durationMs: true,
  width: true,
  height: true,
  bytes: true,
  author: { select: { id: true, email: true } },
  startImage: { select: { id: true, width: true, height: true } },
  endImage: { select: { id: true, width: true, height: true } },
} as const;

type ImageRow = { id: string; width: number; height: number } | null;

interface Row {
  id: string;
  prompt: string;
  promptOptimizer: boolean;
  model: string;
  duration: string;
  resolution: string;
  estimatedCredits: number;
  state: string;
  submitStatus: string | null;
  shotId: string | null;
  take: number;
  takeCount: number;
  keptAt: Date | null;
  failCode: string | null;
  failMsg: string | null;
  credits: number | null;
  createdAt: Date;
  finishedAt: Date | null;
  providerCostMs: number | null;
  finalSource: string | null;
  mediaState: string | null;
  mediaError: string | null;
  mediaErrorCode: string | null;
  mediaKey: string | null;
  posterKey: string | null;
  durationMs: number | null;
  width: number | null;
  height: number | null;
  bytes: number | null;
  author: { id: string; email: string };
  startImage: ImageRow;
  endImage: ImageRow;
}

function oneOf<T extends string>(value: string | null, allowed: readonly T[]): T | null {
  return value !== null && (allowed as readonly string[]).includes(value) ? (value as T) : null;
}

function imageDto(row: ImageRow, workspaceSlug: string): GenerationDto["startImage"] {
  return (
    row && { url: sourceImageUrl(workspaceSlug, row.id), width: row.width, height: row.height }
  );
}

export async function toGenerationDto(row: Row, workspaceSlug: string): Promise<GenerationDto> {
  const base = `/api/w/${encodeURIComponent(workspaceSlug)}/generations/${row.id}`;
  const playUrl = row.mediaKey ? ((await playLink(row.mediaKey)) ?? `${base}/video`) : null;
  return {
    id: row.id,
    prompt: row.prompt,
    promptOptimizer: row.promptOptimizer,
    model: row.model,
    duration: row.duration,
    resolution: row.resolution,
    estimatedCredits: row.estimatedCredits,
    startImage: imageDto(row.startImage, workspaceSlug),
    endImage: imageDto(row.endImage, workspaceSlug),
    state: isGenerationState(row.state) ? row.state : "error",
    submitStatus: oneOf(row.submitStatus, ["held", "queued", "unknown"] as const),
    shot: {
      id: row.shotId ?? row.id,
      take: row.take,
      takes: row.takeCount,
      kept: row.keptAt !== null,
    },
    failCode: row.failCode,
    failMsg: row.failMsg,
    credits: row.credits,
    author: row.author,
    createdAt: row.createdAt.toISOString(),
    finishedAt: row.finishedAt?.toISOString() ?? null,
    providerCostMs: row.providerCostMs,
    finalSource: oneOf(row.finalSource, ["callback", "poll"] as const),
    media: {
      state: oneOf(row.mediaState, ["pending", "stored", "failed"] as const),
      error: row.mediaError,
      errorCode: oneOf(row.mediaErrorCode, MEDIA_ERROR_CODES),
      videoUrl: row.mediaKey ? `${base}/video` : null,
      playUrl,
      posterUrl: row.posterKey ? `${base}/poster` : null,
      downloadUrl: row.mediaKey ? `${base}/video?download=1` : null,
      durationMs: row.durationMs,
      width: row.width,
      height: row.height,
      bytes: row.bytes,
    },
  };
}
