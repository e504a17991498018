import { createHash } from "node:crypto";
import {
  cpSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import Database from "better-sqlite3";
import { afterEach, describe, expect, it } from "vitest";
import { migrateSqlite } from "@/lib/db/migrate";

const migrations = resolve(import.meta.dirname, "../../prisma/migrations");
const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});
const all = readdirSync(migrations)
  .filter((n) => !n.endsWith(".toml"))
  .sort();

/**
 * A database as a release before `next` left it — every migration up to it applied — with one
 * person in one workspace. Returns its URL and an open connection to add rows with.
 */
function databaseBefore(next: string) {
  const dir = mkdtempSync(join(tmpdir(), "studio-upgrade-"));
  dirs.push(dir);
  const upTo = all.indexOf(next);
  expect(upTo).toBeGreaterThan(0);
  const before = join(dir, "before");
  mkdirSync(before);
  for (const name of all.slice(0, upTo)) {
    cpSync(join(migrations, name), join(before, name), { recursive: true });
  }
  const url = `file:${join(dir, "studio.db")}`;
  migrateSqlite(url, before);
  const db = new Database(join(dir, "studio.db"));
  const now = new Date().toISOString();
  db.prepare(
    `INSERT INTO "User" (id, email, createdAt, updatedAt) VALUES ('u1', 'a@example.com', ?, ?)`,
  ).run(now, now);
  db.prepare(
    `INSERT INTO "Workspace" (id, name, slug, createdAt, updatedAt) VALUES ('w1', 'W', 'w', ?, ?)`,
  ).run(now, now);
  return { url, file: join(dir, "studio.db"), db, now };
}

describe("upgrading an existing SQLite database", () => {
  it("keeps every row through every later migration", () => {
    // The first release: only the first migration.
    const { url, file, db, now } = databaseBefore(all[1] ?? "");
    db.prepare(
      `INSERT INTO "Membership" (id, userId, workspaceId, role) VALUES ('m1', 'u1', 'w1', 'owner')`,
    ).run();
    db.prepare(
      `INSERT INTO "Generation" (id, workspaceId, authorId, prompt, promptOptimizer, model, state, idempotencyKey, callbackTokenHash, createdAt, updatedAt)
       VALUES ('g1', 'w1', 'u1', '雨夜的橘猫', 1, 'hailuo/02-text-to-video-pro', 'success', 'k1', 'h1', ?, ?)`,
    ).run(now, now);
    db.close();

    const result = migrateSqlite(url, migrations);
    expect(result.applied).toEqual(all.slice(1));

    const after = new Database(file, { readonly: true });
    const count = (table: string) =>
      (after.prepare(`SELECT count(*) AS n FROM "${table}"`).get() as { n: number }).n;
    expect([count("User"), count("Workspace"), count("Membership"), count("Generation")]).toEqual([
      1, 1, 1, 1,
    ]);
    // The rows, not only their number: a rebuilt table must carry every value across.
    const row = (sql: string) => after.prepare(sql).get();
    expect(row(`SELECT id, email FROM "User"`)).toEqual({ id: "u1", email: "a@example.com" });
    expect(row(`SELECT id, name, slug FROM "Workspace"`)).toEqual({
      id: "w1",
      name: "W",
      slug: "w",
    });
    expect(row(`SELECT userId, workspaceId, role FROM "Membership"`)).toEqual({
      userId: "u1",
      workspaceId: "w1",
      role: "owner",
    });
    expect(
      row(`SELECT workspaceId, authorId, prompt, state, idempotencyKey FROM "Generation"`),
    ).toEqual({
      workspaceId: "w1",
      authorId: "u1",
      prompt: "雨夜的橘猫",
      state: "success",
      idempotencyKey: "k1",
    });
    after.close();
  });

  it("gives older failures the studio wrote itself their own codes, and leaves kie.ai's alone", () => {
    const { url, file, db, now } = databaseBefore("20261125100000_failure_codes_and_deletion");
    const failures: [string, string, string, string | null][] = [
      [
        "g1",
        "error",
        "auth",
        "The workspace's kie.ai key can't be read; an admin must set it again",
      ],
      ["g2", "error", "auth", "No kie.ai API key is configured"],
      ["g3", "error", "network", "The kie.ai base URL is not a valid URL"],
      [
        "g4",
        "error",
        "validation",
        "The prompt is 1600 characters long; kie.ai accepts at most 1500",
      ],
      ["g5", "error", "validation", "The callback URL is not a valid http(s) URL"],
      ["g6", "error", "validation", "prompt rejected by content policy"],
      ["g7", "error", "401", "The workspace's kie.ai API key was rejected"],
      ["g8", "fail", "failed", "kie.ai could not generate this video"],
      ["g9", "fail", "500", "Generation failed"],
    ];
    const insert = db.prepare(
      `INSERT INTO "Generation" (id, workspaceId, authorId, prompt, promptOptimizer, model, state, idempotencyKey, callbackTokenHash, failCode, failMsg, createdAt, updatedAt)
       VALUES (?, 'w1', 'u1', '雨夜的橘猫', 1, 'hailuo/02-text-to-video-pro', ?, ?, ?, ?, ?, ?, ?)`,
    );
    for (const [id, state, code, msg] of failures)
      insert.run(id, state, id, id, code, msg, now, now);
    db.close();

    migrateSqlite(url, migrations);
    const after = new Database(file, { readonly: true });
    const rows = after
      .prepare(`SELECT id, failCode, failMsg IS NULL AS noMsg FROM "Generation" ORDER BY id`)
      .all();
    after.close();
    expect(rows).toEqual([
      { id: "g1", failCode: "key_unreadable", noMsg: 0 },
      { id: "g2", failCode: "key_missing", noMsg: 0 },
      { id: "g3", failCode: "base_url_invalid", noMsg: 0 },
      { id: "g4", failCode: "request_invalid", noMsg: 0 },
      { id: "g5", failCode: "request_invalid", noMsg: 0 },
      // kie.ai's own refusal and failures keep kie.ai's codes and words.
      { id: "g6", failCode: "validation", noMsg: 0 },
      { id: "g7", failCode: "401", noMsg: 0 },
      { id: "g8", failCode: "failed", noMsg: 1 },
      { id: "g9", failCode: "500", noMsg: 0 },
    ]);
  });
});

describe("takes", () => {
  it("makes every earlier generation a shot of its own, and one key may name several takes", () => {
    const { url, file, db, now } = databaseBefore("20261206140000_takes");
    const insert = db.prepare(
      `INSERT INTO "Generation" (id, workspaceId, authorId, prompt, promptOptimizer, model, state, idempotencyKey, callbackTokenHash, createdAt, updatedAt)
       VALUES (?, 'w1', 'u1', '雨夜的橘猫', 1, 'hailuo/02-text-to-video-pro', 'success', ?, ?, ?, ?)`,
    );
    insert.run("g1", "k1", "h1", now, now);
    insert.run("g2", "k2", "h2", now, now);
    db.close();

    migrateSqlite(url, migrations);
    const after = new Database(file);
    expect(
      after.prepare(`SELECT id, shotId, take, takeCount FROM "Generation" ORDER BY id`).all(),
    ).toEqual([
      { id: "g1", shotId: "g1", take: 1, takeCount: 1 },
      { id: "g2", shotId: "g2", take: 1, takeCount: 1 },
    ]);
    const take = after.prepare(
      `INSERT INTO "Generation" (id, workspaceId, authorId, prompt, promptOptimizer, model, state, idempotencyKey, callbackTokenHash, shotId, take, takeCount, createdAt, updatedAt)
       VALUES (?, 'w1', 'u1', 'p', 1, 'm', 'submitting', 'k3', ?, 'g3', ?, 2, ?, ?)`,
    );
    take.run("g3", "h3", 1, now, now);
    take.run("g4", "h4", 2, now, now);
    // The same take of the same press twice is still refused.
    expect(() => take.run("g5", "h5", 2, now, now)).toThrow(/UNIQUE/);
    after.close();
  });
});

describe("applied migrations stay as they were applied", () => {
  /** A folder of migrations to apply, written as given. */
  function folder(files: Record<string, string>) {
    const dir = mkdtempSync(join(tmpdir(), "studio-migrations-"));
    dirs.push(dir);
    for (const [name, sql] of Object.entries(files)) {
      mkdirSync(join(dir, name));
      writeFileSync(join(dir, name, "migration.sql"), sql);
    }
    return { dir, url: `file:${join(dir, "studio.db")}` };
  }
  const first = '-- CreateTable\nCREATE TABLE "A" ("id" TEXT NOT NULL PRIMARY KEY);\n';

  it("refuses to start when an applied migration's file was edited, naming it", () => {
    const { dir, url } = folder({ "20261201000000_first": first });
    migrateSqlite(url, dir);
    writeFileSync(join(dir, "20261201000000_first", "migration.sql"), first.replace('"A"', '"B"'));
    expect(() => migrateSqlite(url, dir)).toThrow(
      /Migration 20261201000000_first was changed after it was applied/,
    );
  });

  it("records the checksum prisma migrate deploy records: sha256 of the file's bytes", () => {
    const { dir, url } = folder({ "20261201000000_first": first });
    migrateSqlite(url, dir);
    const db = new Database(join(dir, "studio.db"), { readonly: true });
    const row = db.prepare(`SELECT checksum FROM "_prisma_migrations"`).get();
    db.close();
    const bytes = readFileSync(join(dir, "20261201000000_first", "migration.sql"));
    expect(row).toEqual({ checksum: createHash("sha256").update(bytes).digest("hex") });
  });

  it("takes the same migration checked out with Windows or Unix line endings as unchanged", () => {
    const { dir, url } = folder({ "20261201000000_first": first });
    migrateSqlite(url, dir);
    const file = join(dir, "20261201000000_first", "migration.sql");
    writeFileSync(file, first.replaceAll("\n", "\r\n"));
    expect(migrateSqlite(url, dir)).toEqual({ applied: [], alreadyApplied: 1 });

    const crlf = folder({ "20261201000000_first": first.replaceAll("\n", "\r\n") });
    migrateSqlite(crlf.url, crlf.dir);
    writeFileSync(join(crlf.dir, "20261201000000_first", "migration.sql"), first);
    expect(migrateSqlite(crlf.url, crlf.dir)).toEqual({ applied: [], alreadyApplied: 1 });
  });

  it("passes every committed migration of an existing database unchanged", () => {
    const { url } = folder({});
    migrateSqlite(url, migrations);
    expect(migrateSqlite(url, migrations)).toEqual({ applied: [], alreadyApplied: all.length });
  });

  it("applies migrations in the order of their names' bytes, whatever the locale", () => {
    // A locale's collation puts "a" before "B"; bytes put "B" (0x42) first, as Prisma does.
    const { dir, url } = folder({
      "20261201000000_B": first,
      "20261201000000_a": 'ALTER TABLE "A" ADD COLUMN "name" TEXT;\n',
    });
    expect(migrateSqlite(url, dir).applied).toEqual(["20261201000000_B", "20261201000000_a"]);
  });
});
