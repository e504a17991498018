import "server-only";
import { db } from "@/lib/db";
import { startHousekeeping } from "@/lib/housekeeping";
import { logger } from "@/lib/logger";

/** How long every provider event of a finished generation is kept, for debugging. */
export const PROVIDER_EVENT_RETENTION_DAYS = 30;
const FINAL_STATES = ["success", "fail"];
const BATCH = 500;
// A run deletes at most this many batches, so a large backlog is worked off over several runs
// instead of holding the database in one long burst.
const MAX_BATCHES_PER_RUN = 20;
const FIRST_RUN_MS = 60_000;
const EVERY_MS = 6 * 60 * 60 * 1000;

/**
 * Deletes the provider events of finished generations once they are older than the retention
 * period: kie.ai's callbacks and the intermediate polls. What the audit needs stays for as long
 * as the generation: its createTask answer ("create") and the recordInfo read that made it final
 * (a "sync-…" event in its final state). In-flight generations keep everything.
 */
export async function pruneProviderEvents(now = new Date()): Promise<number> {
  const cutoff = new Date(now.getTime() - PROVIDER_EVENT_RETENTION_DAYS * 24 * 60 * 60 * 1000);
  let deleted = 0;
  for (let i = 0; i < MAX_BATCHES_PER_RUN; i++) {
    const batch = await db.providerEvent.findMany({
      where: {
        receivedAt: { lt: cutoff },
        generation: { state: { in: FINAL_STATES } },
        NOT: [
          { source: "create" },
          { source: { startsWith: "sync-" }, state: { in: FINAL_STATES } },
        ],
      },
      select: { id: true },
      take: BATCH,
    });
    if (batch.length === 0) break;
    const { count } = await db.providerEvent.deleteMany({
      where: { id: { in: batch.map((e) => e.id) } },
    });
    deleted += count;
    if (batch.length < BATCH) break;
  }
  return deleted;
}

/** A minute after the server starts, then every six hours. */
export function startProviderEventPruning(): void {
  startHousekeeping({
    name: "provider-event-pruning",
    firstRunMs: FIRST_RUN_MS,
    everyMs: EVERY_MS,
    run: async () => {
      const deleted = await pruneProviderEvents();
      if (deleted > 0) logger.info({ deleted }, "old provider events pruned");
    },
    failed: "pruning provider events failed",
  });
}
