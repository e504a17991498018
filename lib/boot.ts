import "server-only";
import { migrate } from "@/lib/db/migrate";
import { dbProviderOf } from "@/lib/db/provider";
import { env } from "@/lib/env";
import { connectPostgresEvents } from "@/lib/events/bus";
import { startProviderEventPruning } from "@/lib/generations/prune-provider-events";
import { openFrontDoor } from "@/lib/http/front-door";
import { startUnusedImageRemoval } from "@/lib/images/remove-unused-images";
import { drainWorker, startWorker } from "@/lib/jobs/worker";
import { logger } from "@/lib/logger";
import { processSingleton } from "@/lib/process-singleton";

// How long a shutdown lets running jobs finish before it releases them; the production server
// gives the app 5 s to close after its answers (scripts/server.mjs), and the drain starts as
// the answers do.
const SHUTDOWN_GRACE_MS = 5_000;

/** Stops background work for a shutdown: running jobs finish or are released for another. */
function shutdown(): Promise<void> {
  return drainWorker({ graceMs: SHUTDOWN_GRACE_MS });
}

/** Server start: bring the database up to date, then resume background work. */
export async function boot(): Promise<void> {
  const e = env();
  const result = await migrate(e.DATABASE_URL);
  if (result.applied.length) logger.info({ applied: result.applied }, "database migrated");
  if (dbProviderOf(e.DATABASE_URL) === "postgresql") await connectPostgresEvents(e.DATABASE_URL);
  startWorker();
  startProviderEventPruning();
  startUnusedImageRemoval();
  // For the production server to call when it is told to stop (scripts/server.mjs).
  processSingleton("shutdown", () => shutdown);
  // For the production server to put in front of Next.js (scripts/server.mjs).
  openFrontDoor();
  logger.info(
    {
      appUrl: e.APP_URL,
      kie: e.usingSimulator ? `simulator at ${e.KIE_BASE_URL}` : e.KIE_BASE_URL,
    },
    "studio ready",
  );
}
