import "server-only";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { submitGeneration } from "@/lib/generations/submit-generation";
import { WORKER_ID } from "@/lib/jobs/queue";
import { runJob } from "@/lib/jobs/worker";

/**
 * Records a "submit" job held by this process and runs it at once, so the person sees kie.ai's
 * answer in the same request. Should the process die mid-way, the job outlives it and the
 * worker that picks it up finds out what happened.
 */
export async function startSubmission(generationId: string): Promise<void> {
  const job = await db.job.upsert({
    where: { dedupeKey: `submit:${generationId}` },
    create: {
      kind: "submit",
      dedupeKey: `submit:${generationId}`,
      payload: JSON.stringify({ generationId }),
      lockedBy: WORKER_ID,
      lockedUntil: new Date(Date.now() + env().JOB_LEASE_MS),
      attempts: 1,
      maxAttempts: 20,
    },
    update: {
      lockedBy: WORKER_ID,
      lockedUntil: new Date(Date.now() + env().JOB_LEASE_MS),
      runAt: new Date(),
      attempts: 1,
      failedAt: null,
    },
    select: {
      id: true,
      kind: true,
      payload: true,
      attempts: true,
      maxAttempts: true,
      dedupeKey: true,
    },
  });
  await runJob(job, () => submitGeneration(generationId));
}
