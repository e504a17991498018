/**
 * Failure codes the studio writes on a generation itself, beside kie.ai's own codes and the
 * submission codes of `failCodeFor`. Screens word each one in the reader's language.
 */
export const FAIL_CODE = {
  /** kie.ai never finished the task within a day: the studio stopped waiting. */
  timedOut: "timeout",
  /** createTask got no answer: whether kie.ai started the video is unknown. */
  noResponse: "no_response",
  /** kie.ai reported the task failed without a code of its own. */
  failed: "failed",
  /** Cancelled by a person before it was sent to kie.ai: nothing was charged. */
  cancelled: "cancelled",
} as const;
