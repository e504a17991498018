export const GENERATION_STATES = [
  "submitting",
  "waiting",
  "queuing",
  "generating",
  "success",
  "fail",
  "error",
] as const;
export type GenerationState = (typeof GENERATION_STATES)[number];

/** States kie.ai itself reports. */
export type ProviderState = "waiting" | "queuing" | "generating" | "success" | "fail";

// Position along the provider's path. A move is allowed only forward, so a late or out-of-order
// report never takes a generation back.
const PROGRESS: Record<GenerationState, number> = {
  submitting: 0,
  error: 0,
  waiting: 1,
  queuing: 2,
  generating: 3,
  success: 4,
  fail: 4,
};

export function isFinal(state: string): boolean {
  return state === "success" || state === "fail";
}

/** Still waiting on kie.ai, so the reconciler keeps polling it. */
export function isInFlight(state: string): boolean {
  return state === "waiting" || state === "queuing" || state === "generating";
}

/**
 * The state after the provider reports `reported`, or null when the report must change nothing:
 * final states are final, and no state goes backwards. `error` (a submission whose outcome was
 * unknown or refused) may still be claimed by a report about its task.
 */
export function advance(current: GenerationState, reported: ProviderState): GenerationState | null {
  if (isFinal(current)) return null;
  if (PROGRESS[reported] <= PROGRESS[current]) return null;
  return reported;
}

/** A person may resubmit a generation that never reached kie.ai or whose outcome is unknown. */
export function canResubmit(state: GenerationState): boolean {
  return state === "error";
}

export function isGenerationState(value: string): value is GenerationState {
  return (GENERATION_STATES as readonly string[]).includes(value);
}
