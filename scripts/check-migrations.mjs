#!/usr/bin/env node
// Fails when prisma/schema.prisma and the committed migrations disagree, for each provider:
// applies every migration to an empty database and the schema's own SQL to another, and compares
// the two. The PostgreSQL half runs on a throwaway server when the server binaries are here.
import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import Database from "better-sqlite3";
import pg from "pg";
import { register } from "tsx/esm/api";
import { postgresAvailable, startTempPostgres } from "./temp-postgres.mjs";

register();
const { migrateSqlite, migratePostgres } = await import("../lib/db/migrate.ts");
const root = resolve(import.meta.dirname, "..");
const dir = mkdtempSync(join(tmpdir(), "check-migrations-"));
// By code units, not a locale's collation, so the comparison is the same on every machine.
const byText = (a, b) => (a < b ? -1 : a > b ? 1 : 0);

// Tables, columns, indexes and foreign keys, in an order that does not depend on how the
// database was built (ALTER TABLE appends columns where a fresh CREATE TABLE lists them in order).
function shape(file) {
  const db = new Database(file, { readonly: true });
  const tables = db
    .prepare(
      // The prompt search index (an FTS5 table and its shadow tables) is hand-written SQL that
      // the schema cannot describe.
      `SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name != '_prisma_migrations' AND name NOT LIKE 'GenerationSearch%' ORDER BY name`,
    )
    .all()
    .map(({ name }) => {
      const q = (sql) => db.prepare(sql).all();
      const columns = q(`PRAGMA table_info("${name}")`)
        .map(({ cid, ...c }) => c)
        .sort((a, b) => byText(a.name, b.name));
      const indexes = q(`PRAGMA index_list("${name}")`)
        .map((i) => ({
          name: i.name,
          unique: i.unique,
          columns: q(`PRAGMA index_info("${i.name}")`).map((c) => c.name),
        }))
        .sort((a, b) => byText(a.name, b.name));
      const foreignKeys = q(`PRAGMA foreign_key_list("${name}")`)
        .map(({ id, seq, ...f }) => f)
        .sort((a, b) => byText(JSON.stringify(a), JSON.stringify(b)));
      return { name, columns, indexes, foreignKeys };
    });
  db.close();
  return tables;
}

function fail(provider) {
  console.error(`prisma/schema.prisma and the ${provider} migrations disagree. Write a migration:`);
  console.error(
    `  npm run db:schema-sql -- --provider ${provider} --from <the previous schema file>`,
  );
  process.exit(1);
}

try {
  const migrated = join(dir, "migrated.db");
  migrateSqlite(`file:${migrated}`, join(root, "prisma/migrations"));
  const fromSchema = join(dir, "schema.db");
  const sql = execFileSync(process.execPath, [join(root, "scripts/schema-sql.mjs")], {
    encoding: "utf8",
  });
  const db = new Database(fromSchema);
  db.exec(sql);
  db.close();
  if (JSON.stringify(shape(migrated)) !== JSON.stringify(shape(fromSchema))) fail("sqlite");
  console.log(`SQLite migrations match the schema (${shape(migrated).length} tables).`);
} finally {
  rmSync(dir, { recursive: true, force: true });
}

if (!postgresAvailable()) {
  console.warn(
    "!! PostgreSQL server binaries not found: the PostgreSQL migrations were NOT checked.",
  );
} else {
  const server = await startTempPostgres();
  try {
    const admin = new pg.Client({ connectionString: server.url });
    await admin.connect();
    await admin.query("CREATE DATABASE migrated");
    await admin.query("CREATE DATABASE from_schema");
    await admin.end();
    const url = (name) => server.url.replace(/\/[^/]*$/, `/${name}`);
    await migratePostgres(url("migrated"), join(root, "prisma/postgresql/migrations"));
    const sql = execFileSync(
      process.execPath,
      [join(root, "scripts/schema-sql.mjs"), "--provider", "postgresql"],
      {
        encoding: "utf8",
      },
    );
    const target = new pg.Client({ connectionString: url("from_schema") });
    await target.connect();
    await target.query(sql);
    await target.end();
    const a = await pgShape(url("migrated"));
    const b = await pgShape(url("from_schema"));
    if (JSON.stringify(a) !== JSON.stringify(b)) fail("postgresql");
    console.log(`PostgreSQL migrations match the schema (${a.tables} tables).`);
  } finally {
    server.stop();
  }
}

async function pgShape(connectionString) {
  const client = new pg.Client({ connectionString });
  await client.connect();
  const q = async (sql) => (await client.query(sql)).rows;
  const columns = await q(`SELECT table_name, column_name, data_type, is_nullable, column_default
    FROM information_schema.columns WHERE table_schema = 'public' AND table_name <> '_prisma_migrations'
    ORDER BY table_name, column_name`);
  const indexes = await q(`SELECT tablename, indexname, indexdef FROM pg_indexes
    WHERE schemaname = 'public' AND tablename <> '_prisma_migrations' AND indexname NOT LIKE '%_trgm_idx'
    ORDER BY tablename, indexname`);
  const constraints = await q(`SELECT conname, pg_get_constraintdef(oid) AS def FROM pg_constraint
    WHERE connamespace = 'public'::regnamespace AND conrelid::regclass::text <> '_prisma_migrations'
    ORDER BY conname`);
  await client.end();
  return { tables: new Set(columns.map((c) => c.table_name)).size, columns, indexes, constraints };
}
