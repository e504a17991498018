import type { GenerationState } from "@/lib/generations/state-machine";
import type { MediaErrorCode } from "@/lib/media/media-error-codes";

/** What the browser sees of a generation: never a kie.ai URL, token or key. */
export interface GenerationDto {
  id: string;
  prompt: string;
  promptOptimizer: boolean;
  /**
   * What was asked of kie.ai: the model's id (lib/kie/models.ts), and the length in seconds and
   * the size as kie.ai names them ("6", "768P"). The stored file's own are under `media`.
   */
  model: string;
  duration: string;
  resolution: string;
  /** What the studio's price list said it would cost, counted until kie.ai reports `credits`. */
  estimatedCredits: number;
  /** The images it starts and ends on (image-to-video), at the member route. */
  startImage: { url: string; width: number; height: number } | null;
  endImage: { url: string; width: number; height: number } | null;
  state: GenerationState;
  /**
   * While submitting: "held" while kie.ai's allowance for new tasks is used up and it waits its
   * turn; "queued" when kie.ai asked us to wait; "unknown" when no answer came.
   */
  submitStatus: "held" | "queued" | "unknown" | null;
  /**
   * The shot it is a take of: the takes one press of Generate made. `kept`: the take chosen
   * from the others, which leads the shot.
   */
  shot: { id: string; take: number; takes: number; kept: boolean };
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
    /** The member route to the video: always answers while the viewer is a member. */
    videoUrl: string | null;
    /**
     * Where a player fetches it from: a signed link good for 12 to 24 hours (or the member route,
     * with media on S3). A player whose link has expired falls back to videoUrl.
     */
    playUrl: string | null;
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
