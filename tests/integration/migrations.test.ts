import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import pg from "pg";
import { afterAll, describe, expect, inject, it } from "vitest";
import { type MigrationResult, migratePostgres, migrateSqlite } from "@/lib/db/migrate";

// The same checks on each database's own migrator: an empty database and a folder of migrations
// written by the test.
const dir = mkdtempSync(join(tmpdir(), "studio-migrations-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const onPostgres = process.env.TEST_DB === "postgresql";

async function emptyDatabase(): Promise<string> {
  const name = `m_${Math.random().toString(36).slice(2, 10)}`;
  if (!onPostgres) return `file:${join(dir, `${name}.db`)}`;
  const server = inject("pgUrl");
  const admin = new pg.Client({ connectionString: server });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  return server.replace(/\/[^/]*$/, `/${name}`);
}

function folder(files: Record<string, string>): string {
  const root = mkdtempSync(join(dir, "folder-"));
  for (const [name, sql] of Object.entries(files)) write(root, name, sql);
  return root;
}

function write(root: string, name: string, sql: string): void {
  mkdirSync(join(root, name), { recursive: true });
  writeFileSync(join(root, name, "migration.sql"), sql);
}

async function run(url: string, root: string): Promise<MigrationResult> {
  return onPostgres ? migratePostgres(url, root) : migrateSqlite(url, root);
}

const first = 'CREATE TABLE "A" ("id" TEXT NOT NULL PRIMARY KEY);\n';

describe("applying migrations", () => {
  it("refuses to go on when an applied migration was edited, naming it; line endings alone are no edit", async () => {
    const url = await emptyDatabase();
    const root = folder({ "20261201000000_first": first });
    await run(url, root);
    write(root, "20261201000000_first", first.replaceAll("\n", "\r\n"));
    expect(await run(url, root)).toEqual({ applied: [], alreadyApplied: 1 });
    write(root, "20261201000000_first", first.replace('"A"', '"B"'));
    write(root, "20261202000000_second", 'CREATE TABLE "C" ("id" TEXT NOT NULL PRIMARY KEY);\n');
    await expect(run(url, root)).rejects.toThrow(
      /Migration 20261201000000_first was changed after it was applied/,
    );
  });

  it("applies migrations in the order of their names' bytes", async () => {
    const url = await emptyDatabase();
    const root = folder({
      "20261201000000_B": first,
      "20261201000000_a": 'ALTER TABLE "A" ADD COLUMN "name" TEXT;\n',
    });
    expect((await run(url, root)).applied).toEqual(["20261201000000_B", "20261201000000_a"]);
  });
});
