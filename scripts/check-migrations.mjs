#!/usr/bin/env node
// Fails when prisma/schema.prisma and the committed migrations disagree: applies every migration
// to an empty SQLite file and the schema's own SQL to another, and compares the two databases.
import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import Database from "better-sqlite3";
import { register } from "tsx/esm/api";

register();
const { migrateSqlite } = await import("../lib/db/migrate.ts");
const root = resolve(import.meta.dirname, "..");
const dir = mkdtempSync(join(tmpdir(), "check-migrations-"));

// Tables, columns, indexes and foreign keys, in an order that does not depend on how the
// database was built (ALTER TABLE appends columns where a fresh CREATE TABLE lists them in order).
function shape(file) {
  const db = new Database(file, { readonly: true });
  const tables = db
    .prepare(
      `SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name != '_prisma_migrations' ORDER BY name`,
    )
    .all()
    .map(({ name }) => {
      const q = (sql) => db.prepare(sql).all();
      const columns = q(`PRAGMA table_info("${name}")`)
        .map(({ cid, ...c }) => c)
        .sort((a, b) => a.name.localeCompare(b.name));
      const indexes = q(`PRAGMA index_list("${name}")`)
        .map((i) => ({
          name: i.name,
          unique: i.unique,
          columns: q(`PRAGMA index_info("${i.name}")`).map((c) => c.name),
        }))
        .sort((a, b) => a.name.localeCompare(b.name));
      const foreignKeys = q(`PRAGMA foreign_key_list("${name}")`)
        .map(({ id, seq, ...f }) => f)
        .sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b)));
      return { name, columns, indexes, foreignKeys };
    });
  db.close();
  return tables;
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
  const a = JSON.stringify(shape(migrated), null, 1);
  const b = JSON.stringify(shape(fromSchema), null, 1);
  if (a !== b) {
    console.error("prisma/schema.prisma and prisma/migrations disagree. Add a migration:");
    console.error(
      "  npm run db:schema-sql  (the full schema SQL, to diff against the last migration)",
    );
    process.exit(1);
  }
  console.log(`Migrations match the schema (${shape(migrated).length} tables).`);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
