import type { GenerationDto } from "@/lib/generations/dto";

/**
 * Whether a generation is still on its way to a video by itself: waiting to be sent, being sent,
 * at kie.ai, or being copied into the studio's storage. A submission kie.ai never answered is
 * not: it waits for the person (Retry or leave it), not for time. The gallery's badges, the
 * queue and a shot's lead take all go by this one rule.
 */
export function isOnItsWay(g: GenerationDto): boolean {
  switch (g.state) {
    case "submitting":
      return g.submitStatus !== "unknown";
    case "waiting":
    case "queuing":
    case "generating":
      return true;
    case "success":
      return g.media.videoUrl === null && g.media.state !== "failed";
    default:
      return false;
  }
}

/** A video that can be played: made by kie.ai and saved in the studio's storage. */
export function isReadyVideo(g: GenerationDto): boolean {
  return g.state === "success" && g.media.videoUrl !== null;
}
