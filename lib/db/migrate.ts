import { createHash, randomUUID } from "node:crypto";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import Database from "better-sqlite3";
import { dbProviderOf } from "./provider";
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

/** Each provider has its own migrations, both generated from prisma/schema.prisma. */
export function migrationsDir(provider: "sqlite" | "postgresql"): string {
  const folder = provider === "sqlite" ? "prisma/migrations" : "prisma/postgresql/migrations";
  return resolve(/* turbopackIgnore: true */ process.env.MIGRATIONS_ROOT ?? ".", folder);
}

export async function migrate(databaseUrl: string): Promise<MigrationResult> {
  return dbProviderOf(databaseUrl) === "sqlite"
    ? migrateSqlite(databaseUrl)
    : migratePostgres(databaseUrl);
}

interface Migration {
  name: string;
  sql: string;
  /** sha256 of the file's bytes, as `prisma migrate deploy` records it. */
  checksum: string;
}

function sha256(text: string | Buffer): string {
  return createHash("sha256").update(text).digest("hex");
}

/**
 * Whether a migration's file is still the one that was applied. Like Prisma's engine, the same
 * text with Unix or Windows line endings matches: git may check a file out either way.
 */
export function matchesChecksum(m: Migration, stored: string): boolean {
  return (
    m.checksum === stored ||
    sha256(m.sql.replaceAll("\r\n", "\n")) === stored ||
    sha256(m.sql.replaceAll("\r\n", "\n").replaceAll("\n", "\r\n")) === stored
  );
}

/** Migrations in the order of their names' bytes, the same on every machine and locale. */
function listMigrations(dir: string): Migration[] {
  if (!existsSync(dir)) throw new Error(`No migrations folder at ${dir}`);
  return readdirSync(dir, { withFileTypes: true })
    .filter((e) => e.isDirectory() && existsSync(join(dir, e.name, "migration.sql")))
    .map((e) => {
      const bytes = readFileSync(join(dir, e.name, "migration.sql"));
      return { name: e.name, sql: bytes.toString("utf8"), checksum: sha256(bytes) };
    })
    .sort((a, b) => Buffer.compare(Buffer.from(a.name), Buffer.from(b.name)));
}

/**
 * Refuses to go on when a migration that already ran has been edited since: the database was
 * built by the old text, so the new one would never run anywhere it already had.
 */
function refuseChangedMigrations(
  migrations: Migration[],
  applied: { migration_name: string; checksum: string }[],
): void {
  const stored = new Map(applied.map((r) => [r.migration_name, r.checksum]));
  for (const m of migrations) {
    const checksum = stored.get(m.name);
    if (checksum !== undefined && !matchesChecksum(m, checksum)) {
      throw new Error(
        `Migration ${m.name} was changed after it was applied to this database. Put its migration.sql back as it was and write a new migration for the change.`,
      );
    }
  }
}

/**
 * Applies committed migrations that are not yet applied, recording them in Prisma's own
 * `_prisma_migrations` table so `prisma migrate deploy` agrees about what has run. The studio does
 * this itself because Prisma's migration engine is a native download that is not always available.
 */
export function migrateSqlite(databaseUrl: string, dir = migrationsDir("sqlite")): MigrationResult {
  const sqlite = new Database(sqliteFilePath(databaseUrl), { timeout: 10_000 });
  try {
    sqlite.pragma("journal_mode = WAL");
    sqlite.exec(MIGRATIONS_TABLE);
    const rows = sqlite
      .prepare(
        `SELECT migration_name, checksum FROM "_prisma_migrations" WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL`,
      )
      .all() as { migration_name: string; checksum: string }[];
    const done = new Set(rows.map((r) => r.migration_name));
    const migrations = listMigrations(dir);
    refuseChangedMigrations(migrations, rows);
    const applied: string[] = [];
    // SQLite rebuilds a table to alter it (copy, DROP, rename). With foreign keys on, that DROP
    // would cascade into every row that points at the table, and PRAGMA foreign_keys cannot be
    // changed inside a transaction — so they are off while migrating, and checked before each
    // commit instead.
    sqlite.pragma("foreign_keys = OFF");
    for (const m of migrations) {
      if (done.has(m.name)) continue;
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
          const broken = sqlite.pragma("foreign_key_check") as unknown[];
          if (broken.length > 0) {
            throw new Error(`Migration ${m.name} leaves ${broken.length} broken references`);
          }
          sqlite
            .prepare(
              `INSERT INTO "_prisma_migrations" (id, checksum, finished_at, migration_name, applied_steps_count) VALUES (?, ?, current_timestamp, ?, 1)`,
            )
            .run(randomUUID(), m.checksum, m.name);
          applied.push(m.name);
        })
        .immediate();
    }
    return { applied, alreadyApplied: done.size };
  } finally {
    sqlite.close();
  }
}

const PG_MIGRATIONS_TABLE = `CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
  "id" VARCHAR(36) PRIMARY KEY NOT NULL,
  "checksum" VARCHAR(64) NOT NULL,
  "finished_at" TIMESTAMPTZ,
  "migration_name" VARCHAR(255) NOT NULL,
  "logs" TEXT,
  "rolled_back_at" TIMESTAMPTZ,
  "started_at" TIMESTAMPTZ NOT NULL DEFAULT now(),
  "applied_steps_count" INTEGER NOT NULL DEFAULT 0
)`;
// Any fixed number: the advisory lock several instances starting together queue on.
const MIGRATION_LOCK = 724_311_902;

/** The PostgreSQL counterpart: each migration in its own transaction, under an advisory lock. */
export async function migratePostgres(
  databaseUrl: string,
  dir = migrationsDir("postgresql"),
): Promise<MigrationResult> {
  // Loaded here, not with the module: a server on SQLite never needs the PostgreSQL driver.
  const { default: pg } = await import("pg");
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    await client.query("SELECT pg_advisory_lock($1)", [MIGRATION_LOCK]);
    await client.query(PG_MIGRATIONS_TABLE);
    const { rows } = await client.query<{ migration_name: string; checksum: string }>(
      `SELECT migration_name, checksum FROM "_prisma_migrations" WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL`,
    );
    const done = new Set(rows.map((r) => r.migration_name));
    const migrations = listMigrations(dir);
    refuseChangedMigrations(migrations, rows);
    const applied: string[] = [];
    for (const m of migrations) {
      if (done.has(m.name)) continue;
      await client.query("BEGIN");
      try {
        await client.query(m.sql);
        await client.query(
          `INSERT INTO "_prisma_migrations" (id, checksum, finished_at, migration_name, applied_steps_count) VALUES ($1, $2, now(), $3, 1)`,
          [randomUUID(), m.checksum, m.name],
        );
        await client.query("COMMIT");
      } catch (e) {
        await client.query("ROLLBACK");
        throw new Error(`Migration ${m.name} failed: ${(e as Error).message}`);
      }
      applied.push(m.name);
    }
    return { applied, alreadyApplied: done.size };
  } finally {
    await client.query("SELECT pg_advisory_unlock($1)", [MIGRATION_LOCK]).catch(() => {});
    await client.end();
  }
}
