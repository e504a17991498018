import type { CallbackMode, FileMode } from "./config";

// Marker words in a prompt select a fault for that one request or task, so an end-to-end test
// can drive every path through the real UI without touching the simulator's configuration.

export interface PromptMarkers {
  fail: boolean;
  /** createTask answers this code instead of creating the task. */
  reject: 402 | 422 | null;
  /** createTask answers this code `times` times for the same key and prompt, then succeeds. */
  transient: { status: 429 | 455 | 500; times: number } | null;
  timeout: boolean;
  slow: boolean;
  callbackMode: CallbackMode | null;
  fileMode: FileMode | null;
}

const markerPattern = /\[sim:([a-z0-9]+)\]/gi;
const transientPattern = /^(429|455|500)(?:x(\d{1,3}))?$/;

const callbackMarkers: Record<string, CallbackMode> = {
  nocallback: "drop",
  dupcallback: "duplicate",
  latecallback: "late",
};

const fileMarkers: Record<string, FileMode> = {
  truncated: "truncated",
  oversize: "oversize",
  badtype: "badtype",
};

export function parseMarkers(prompt: string): PromptMarkers {
  const markers: PromptMarkers = {
    fail: false,
    reject: null,
    transient: null,
    timeout: false,
    slow: false,
    callbackMode: null,
    fileMode: null,
  };
  for (const match of prompt.matchAll(markerPattern)) {
    const word = (match[1] ?? "").toLowerCase();
    const transient = transientPattern.exec(word);
    if (transient) {
      const status = Number(transient[1]) as 429 | 455 | 500;
      markers.transient = { status, times: transient[2] ? Number(transient[2]) : 2 };
    } else if (word === "fail") markers.fail = true;
    else if (word === "402" || word === "422") markers.reject = Number(word) as 402 | 422;
    else if (word === "timeout") markers.timeout = true;
    else if (word === "slow") markers.slow = true;
    else if (word in callbackMarkers) markers.callbackMode = callbackMarkers[word] ?? null;
    else if (word in fileMarkers) markers.fileMode = fileMarkers[word] ?? null;
  }
  return markers;
}
