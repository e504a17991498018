import type { GenerationState } from "@/lib/generations/state-machine";
import type { MediaErrorCode } from "@/lib/media/media-error-codes";

/** What the browser sees of a generation: never a kie.ai URL, token or key. */
export interface GenerationDto {
  id: string;
  prompt: string;
  promptOptimizer: boolean;
  state: GenerationState;
  /** While submitting: "queued" when kie.ai asked us to wait; "unknown" when no answer came. */
  submitStatus: "queued" | "unknown" | null;
  failCode: string | null;
  failMsg: string | null;
  credits: number | null;
  author: { id: string; email: string };
  createdAt: string;
  finishedAt: string | null;
  providerCostMs: number | null;
  finalSource: "callback" | "poll" | null;
  media: {
    state: "pending" | "stored" | "failed" | null;
    /** The studio's technical account of why storing failed, in English. */
    error: string | null;
    /** The same as a code, for words in the reader's language. */
    errorCode: MediaErrorCode | null;
    videoUrl: string | null;
    posterUrl: string | null;
    downloadUrl: string | null;
    durationMs: number | null;
    width: number | null;
    height: number | null;
    bytes: number | null;
  };
}

export interface GenerationPage {
  items: GenerationDto[];
  nextCursor: string | null;
}
