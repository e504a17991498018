import "server-only";
import { z } from "zod";
import { storeMedia } from "@/lib/generations/store-media";
import { submitGeneration } from "@/lib/generations/submit-generation";
import { syncGeneration } from "@/lib/generations/sync-generation";
import type { JobContext, JobOutcome } from "@/lib/jobs/types";

interface JobDefinition<S extends z.ZodType> {
  /** Checked when the job runs, too: a job row is input. */
  payload: S;
  /** At most one pending job per key: enqueueing the same key again moves the one there. */
  key: (payload: z.output<S>) => string;
  maxAttempts: (payload: z.output<S>) => number;
  /** Takes seconds (downloads, posters): such jobs get only some of the worker's slots. */
  slow: boolean;
  // Called through an arrow: the handlers' modules enqueue jobs themselves, so they import
  // this one, and the binding is only read when a job runs.
  run: (payload: z.output<S>, ctx: JobContext) => Promise<JobOutcome>;
}

function defineJob<S extends z.ZodType>(definition: JobDefinition<S>): JobDefinition<S> {
  return definition;
}

const generationRef = z.object({ generationId: z.string() });

/** Every kind of background job, by the name stored in its row. */
export const jobKinds = {
  /** kie.ai's createTask for a generation; backs off after a rate limit or an outage. */
  submit: defineJob({
    payload: generationRef,
    key: (p) => `submit:${p.generationId}`,
    maxAttempts: () => 20,
    slow: false,
    run: (p) => submitGeneration(p.generationId),
  }),
  /**
   * Reads a task from kie.ai: the reconciler's poll (rescheduling itself until the task ends),
   * or once right after a callback. One of each per generation.
   */
  sync: defineJob({
    payload: generationRef.extend({
      reason: z.enum(["callback", "poll"]),
      creditsConsumed: z.number().nullable().optional(),
    }),
    key: (p) => `${p.reason}:${p.generationId}`,
    maxAttempts: (p) => (p.reason === "poll" ? 50 : 6),
    slow: false,
    run: (p) => syncGeneration(p),
  }),
  /** Copies a finished video and its poster into the studio's storage. */
  "store-media": defineJob({
    payload: generationRef,
    key: (p) => `store:${p.generationId}`,
    maxAttempts: () => 6,
    slow: true,
    run: (p, ctx) => storeMedia(p.generationId, ctx),
  }),
};

export type JobKind = keyof typeof jobKinds;
export type JobPayload<K extends JobKind> = z.input<(typeof jobKinds)[K]["payload"]>;

/** A definition seen without its kind's payload type, for code that serves every kind. */
export type AnyJobDefinition = JobDefinition<z.ZodType<Record<string, unknown>>>;

export function jobDefinition(kind: string): AnyJobDefinition | undefined {
  return Object.hasOwn(jobKinds, kind)
    ? // Each definition's functions take the output of its own schema, which is what the
      // callers pass them (parsed with that same schema).
      (jobKinds[kind as JobKind] as unknown as AnyJobDefinition)
    : undefined;
}

export const QUICK_KINDS = (Object.keys(jobKinds) as JobKind[]).filter((k) => !jobKinds[k].slow);
