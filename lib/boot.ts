import "server-only";
import { migrateSqlite } from "@/lib/db/migrate";
import { isSqliteUrl } from "@/lib/db/sqlite-path";
import { env } from "@/lib/env";
import { registerAllJobHandlers } from "@/lib/jobs/handlers";
import { startWorker } from "@/lib/jobs/worker";
import { logger } from "@/lib/logger";

/** Server start: bring the database up to date, then resume background work. */
export function boot(): void {
  const e = env();
  if (isSqliteUrl(e.DATABASE_URL)) {
    const result = migrateSqlite(e.DATABASE_URL);
    if (result.applied.length) logger.info({ applied: result.applied }, "database migrated");
  }
  registerAllJobHandlers();
  startWorker();
  logger.info(
    {
      appUrl: e.APP_URL,
      kie: e.usingSimulator ? `simulator at ${e.KIE_BASE_URL}` : e.KIE_BASE_URL,
    },
    "studio ready",
  );
}
