import { createHash, randomUUID } from "node:crypto";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import Database from "better-sqlite3";
import { sqliteFilePath } from "./sqlite-path";

export interface MigrationResult {
  applied: string[];
  alreadyApplied: number;
}

const MIGRATIONS_TABLE = `CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
  "id" TEXT PRIMARY KEY NOT NULL,
  "checksum" TEXT NOT NULL,
  "finished_at" DATETIME,
  "migration_name" TEXT NOT NULL,
  "logs" TEXT,
  "rolled_back_at" DATETIME,
  "started_at" DATETIME NOT NULL DEFAULT current_timestamp,
  "applied_steps_count" INTEGER UNSIGNED NOT NULL DEFAULT 0
)`;

export function migrationsDir(): string {
  return resolve(/* turbopackIgnore: true */ process.env.MIGRATIONS_DIR ?? "prisma/migrations");
}

function listMigrations(dir: string): { name: string; sql: string }[] {
  if (!existsSync(dir)) throw new Error(`No migrations folder at ${dir}`);
  return readdirSync(dir, { withFileTypes: true })
    .filter((e) => e.isDirectory() && existsSync(join(dir, e.name, "migration.sql")))
    .map((e) => ({ name: e.name, sql: readFileSync(join(dir, e.name, "migration.sql"), "utf8") }))
    .sort((a, b) => a.name.localeCompare(b.name));
}

/**
 * Applies committed migrations that are not yet applied, recording them in Prisma's own
 * `_prisma_migrations` table so `prisma migrate deploy` agrees about what has run. The studio does
 * this itself because Prisma's migration engine is a native download that is not always available.
 */
export function migrateSqlite(databaseUrl: string, dir = migrationsDir()): MigrationResult {
  const sqlite = new Database(sqliteFilePath(databaseUrl), { timeout: 10_000 });
  try {
    sqlite.pragma("journal_mode = WAL");
    sqlite.exec(MIGRATIONS_TABLE);
    const done = new Set(
      sqlite
        .prepare(
          `SELECT migration_name FROM "_prisma_migrations" WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL`,
        )
        .all()
        .map((r) => (r as { migration_name: string }).migration_name),
    );
    const applied: string[] = [];
    for (const m of listMigrations(dir)) {
      if (done.has(m.name)) continue;
      const checksum = createHash("sha256").update(m.sql).digest("hex");
      // IMMEDIATE takes the write lock up front, so two processes starting together apply each
      // migration once: the second waits, then sees it recorded.
      sqlite
        .transaction(() => {
          const again = sqlite
            .prepare(
              `SELECT 1 FROM "_prisma_migrations" WHERE migration_name = ? AND finished_at IS NOT NULL`,
            )
            .get(m.name);
          if (again) return;
          sqlite.exec(m.sql);
          sqlite
            .prepare(
              `INSERT INTO "_prisma_migrations" (id, checksum, finished_at, migration_name, applied_steps_count) VALUES (?, ?, current_timestamp, ?, 1)`,
            )
            .run(randomUUID(), checksum, m.name);
          applied.push(m.name);
        })
        .immediate();
    }
    return { applied, alreadyApplied: done.size };
  } finally {
    sqlite.close();
  }
}
