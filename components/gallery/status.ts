import type { BadgeTone } from "@/components/ui/badge";
import type { GenerationDto } from "@/lib/generations/dto";
import { FAIL_CODE } from "@/lib/generations/fail-codes";
import { describeKieFailure } from "@/lib/kie/errors";

/** What a person needs to know about a generation, one step finer than its state. */
export type StatusKind =
  | "submitting"
  | "held"
  | "queued"
  | "unknown"
  | "waiting"
  | "queuing"
  | "generating"
  | "saving"
  | "ready"
  | "mediaFailed"
  | "failed"
  | "cancelled"
  | "error";

export function statusKind(g: GenerationDto): StatusKind {
  // kie.ai never answered: maybe it started the task, maybe not. Only the person can decide.
  if (g.submitStatus === "unknown" && (g.state === "submitting" || g.state === "error")) {
    return "unknown";
  }
  switch (g.state) {
    case "submitting":
      return g.submitStatus === "queued"
        ? "queued"
        : g.submitStatus === "held"
          ? "held"
          : "submitting";
    case "waiting":
    case "queuing":
    case "generating":
      return g.state;
    case "success":
      if (g.media.videoUrl) return "ready";
      return g.media.state === "failed" ? "mediaFailed" : "saving";
    case "fail":
      return "failed";
    case "error":
      return g.failCode === FAIL_CODE.cancelled ? "cancelled" : "error";
  }
}

export const STATUS_TONE: Record<StatusKind, BadgeTone> = {
  submitting: "blue",
  held: "blue",
  queued: "amber",
  unknown: "amber",
  waiting: "blue",
  queuing: "blue",
  generating: "accent",
  saving: "accent",
  ready: "green",
  mediaFailed: "red",
  failed: "red",
  cancelled: "neutral",
  error: "red",
};

/**
 * Still moving on its own: show a spinner and the time it has taken so far. The same rule as
 * `isOnItsWay` (lib/generations/on-its-way.ts), told by the badge's kind; a unit test holds them
 * together.
 */
export function isBusy(kind: StatusKind): boolean {
  return (
    kind === "submitting" ||
    kind === "held" ||
    kind === "queued" ||
    kind === "waiting" ||
    kind === "queuing" ||
    kind === "generating" ||
    kind === "saving"
  );
}

/** Stopped short of a video: say why, and offer Retry where the server allows one. */
export function isProblem(kind: StatusKind): boolean {
  return (
    kind === "unknown" ||
    kind === "failed" ||
    kind === "cancelled" ||
    kind === "error" ||
    kind === "mediaFailed"
  );
}

/** Not sent to kie.ai yet, and waiting: the person may still call it off. */
export function mayCancel(g: GenerationDto, kind: StatusKind, viewer: Viewer): boolean {
  return (kind === "held" || kind === "queued") && (g.author.id === viewer.id || viewer.manageAny);
}

// kie.ai refused this prompt as it is (a 422, e.g. its content policy): the same request would
// be refused again. "Use this prompt" is the way on — edit it, then Generate.
export function refusedAsWritten(g: Pick<GenerationDto, "failCode" | "failMsg">): boolean {
  return isValidationFailure(describeKieFailure(g.failCode, g.failMsg));
}

/** The same, for a failure already described. */
export function isValidationFailure(failure: ReturnType<typeof describeKieFailure>): boolean {
  return failure !== null && "kind" in failure && failure.kind === "validation";
}

function canRetry(g: GenerationDto): boolean {
  return (
    (g.state === "error" && !refusedAsWritten(g)) ||
    g.state === "fail" ||
    g.submitStatus === "unknown" ||
    // Made by kie.ai but not saved: Retry fetches it again — unless there is nothing to fetch
    // (no link) or the same file would be refused again (over the size cap).
    (g.state === "success" &&
      g.media.state === "failed" &&
      g.media.errorCode !== "no_url" &&
      g.media.errorCode !== "too_large")
  );
}

/** Who is looking: Retry in place of someone else's generation is for admins only. */
export interface Viewer {
  id: string;
  manageAny: boolean;
}

/** Retry of a failed generation starts the viewer's own; resubmitting in place is the author's. */
export function mayRetry(g: GenerationDto, viewer: Viewer): boolean {
  return canRetry(g) && (g.state === "fail" || g.author.id === viewer.id || viewer.manageAny);
}

/**
 * Delete is for a video that has stopped moving — finished, failed, unsaved, or whose outcome is
 * unknown — and for its author or an admin (the server checks both again).
 */
export function mayDelete(g: GenerationDto, kind: StatusKind, viewer: Viewer): boolean {
  return !isBusy(kind) && (g.author.id === viewer.id || viewer.manageAny);
}
