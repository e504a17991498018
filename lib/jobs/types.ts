/** What a handler asks for next: nothing (done) or another run at a given time. */
export type JobOutcome = { rescheduleAt: Date } | undefined;

export interface JobContext {
  attempt: number;
  /** True on the try after which the job is given up: the handler records a final failure. */
  lastAttempt: boolean;
  /**
   * Fires when this run may no longer act for the job: its lease went to another worker (or the
   * job was removed), or the process is shutting down and has released it. A handler stops its
   * long steps on it and records nothing after it fired: the job will be, or is being, run
   * again.
   */
  signal: AbortSignal;
}
