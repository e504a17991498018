import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";
import { submitGeneration } from "@/lib/generations/submit-generation";
import { holdJob, type JobRow } from "@/lib/jobs/queue";
import { runJob } from "@/lib/jobs/worker";

/**
 * Records the "submit" job of a generation, held by this process, in the same transaction as
 * the generation's row: whatever happens after the commit, the job is there for a worker to
 * finish.
 */
export function holdSubmission(
  generationId: string,
  tx: Prisma.TransactionClient,
): Promise<JobRow> {
  return holdJob(
    {
      kind: "submit",
      dedupeKey: `submit:${generationId}`,
      payload: { generationId },
      maxAttempts: 20,
    },
    tx,
  );
}

/**
 * Runs a held submission at once, so the person sees kie.ai's answer in the same request.
 * Should the process die mid-way, the job outlives it and the worker that picks it up finds out
 * what happened.
 */
export async function runSubmission(job: JobRow, generationId: string): Promise<void> {
  await runJob(job, () => submitGeneration(generationId));
}
