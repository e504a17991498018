#!/usr/bin/env node
// Generates the Prisma clients: one for SQLite from prisma/schema.prisma, and one for PostgreSQL
// from the same schema with only the provider changed — one source of truth for both.
// Prisma's CLI would otherwise try to download a native schema engine that `generate` does not
// need (and that offline machines cannot fetch).
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";

const require = createRequire(import.meta.url);
const root = resolve(import.meta.dirname, "..");
const prisma = require.resolve("prisma/build/index.js");
const env = {
  ...process.env,
  PRISMA_SCHEMA_ENGINE_BINARY: process.env.PRISMA_SCHEMA_ENGINE_BINARY ?? "/bin/false",
  PRISMA_HIDE_UPDATE_MESSAGE: "1",
};

function generate(schemaPath) {
  execFileSync(process.execPath, [prisma, "generate", "--schema", schemaPath], {
    stdio: "inherit",
    env,
    cwd: root,
  });
}

generate(join(root, "prisma/schema.prisma"));

const dir = mkdtempSync(join(tmpdir(), "studio-pg-schema-"));
try {
  const pgSchema = readFileSync(join(root, "prisma/schema.prisma"), "utf8")
    .replace('provider = "sqlite"', 'provider = "postgresql"')
    .replace(
      'output       = "../lib/generated/prisma"',
      `output       = "${join(root, "lib/generated/prisma-pg")}"`,
    );
  if (!pgSchema.includes("prisma-pg")) throw new Error("could not derive the PostgreSQL schema");
  writeFileSync(join(dir, "schema.prisma"), pgSchema);
  generate(join(dir, "schema.prisma"));
} finally {
  rmSync(dir, { recursive: true, force: true });
}
