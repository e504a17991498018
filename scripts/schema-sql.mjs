#!/usr/bin/env node
// Prints the SQL that builds prisma/schema.prisma from an empty database — or, with
// `--from <older schema file>`, the SQL of a migration from that schema to the current one
// (e.g. `git show HEAD:prisma/schema.prisma > /tmp/old.prisma`).
// Prisma 7's CLI needs a native schema engine that cannot be downloaded everywhere, so this
// uses Prisma 6's WebAssembly engine, which takes the same schema once given a datasource url.
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";

const root = resolve(import.meta.dirname, "..");
const dir = mkdtempSync(join(tmpdir(), "schema-sql-"));
const fromIndex = process.argv.indexOf("--from");
const fromFile = fromIndex > 0 ? process.argv[fromIndex + 1] : undefined;

function withUrl(path, target) {
  const schema = readFileSync(path, "utf8").replace(
    /provider = "sqlite"\n}/,
    `provider = "sqlite"\n  url = "file:${join(dir, "scratch.db")}"\n}`,
  );
  writeFileSync(target, schema);
  return target;
}

try {
  withUrl(join(root, "prisma/schema.prisma"), join(dir, "schema.prisma"));
  const from = fromFile
    ? ["--from-schema-datamodel", withUrl(resolve(fromFile), join(dir, "from.prisma"))]
    : ["--from-empty"];
  const adapter = join(root, "node_modules/prisma6-adapter-sqlite/dist/index.mjs");
  writeFileSync(
    join(dir, "prisma.config.mjs"),
    `import { PrismaBetterSQLite3 } from ${JSON.stringify(adapter)};
export default { experimental: { adapter: true }, engine: "js", schema: ${JSON.stringify(join(dir, "schema.prisma"))},
  adapter: async () => new PrismaBetterSQLite3({ url: ${JSON.stringify(`file:${join(dir, "scratch.db")}`)} }) };
`,
  );
  const sql = execFileSync(
    process.execPath,
    [
      join(root, "node_modules/prisma6/build/index.js"),
      "migrate",
      "diff",
      "--config",
      join(dir, "prisma.config.mjs"),
      ...from,
      "--to-schema-datamodel",
      join(dir, "schema.prisma"),
      "--script",
    ],
    {
      encoding: "utf8",
      stdio: ["ignore", "pipe", "pipe"],
      env: {
        ...process.env,
        PRISMA_HIDE_UPDATE_MESSAGE: "1",
        PRISMA_SCHEMA_ENGINE_BINARY: "/bin/false",
        PRISMA_QUERY_ENGINE_LIBRARY: "/bin/false",
      },
    },
  );
  process.stdout.write(sql);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
