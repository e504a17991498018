#!/usr/bin/env node
// Prints the SQL that builds prisma/schema.prisma from an empty database — or, with
// `--from <older schema file>`, the SQL of a migration from that schema to the current one
// (e.g. `git show HEAD:prisma/schema.prisma > /tmp/old.prisma`). `--provider postgresql` writes
// PostgreSQL's dialect instead of SQLite's: the one schema serves both.
// Prisma 7's CLI needs a native schema engine that cannot be downloaded everywhere, so this
// uses Prisma 6's WebAssembly engine, which takes the same schema once given a datasource url.
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { startTempPostgres } from "./temp-postgres.mjs";

const root = resolve(import.meta.dirname, "..");
const dir = mkdtempSync(join(tmpdir(), "schema-sql-"));
const arg = (name) => {
  const i = process.argv.indexOf(name);
  return i > 0 ? process.argv[i + 1] : undefined;
};
const fromFile = arg("--from");
const provider = arg("--provider") ?? "sqlite";
if (!["sqlite", "postgresql"].includes(provider)) throw new Error(`unknown provider ${provider}`);

// The engine wants a live connection of the right kind, though it changes nothing there: a
// scratch SQLite file, or a throwaway PostgreSQL server.
const pg = provider === "postgresql" ? await startTempPostgres() : null;
const url = pg ? pg.url : `file:${join(dir, "scratch.db")}`;
const adapter =
  provider === "sqlite"
    ? `import { PrismaBetterSQLite3 as A } from ${JSON.stringify(join(root, "node_modules/prisma6-adapter-sqlite/dist/index.mjs"))};
const adapter = () => new A({ url: ${JSON.stringify(url)} });`
    : `import { PrismaPg as A } from ${JSON.stringify(join(root, "node_modules/prisma6-adapter-pg/dist/index.mjs"))};
const adapter = () => new A({ connectionString: ${JSON.stringify(url)} });`;

function schemaFor(path, target, targetProvider, targetUrl) {
  const schema = readFileSync(path, "utf8").replace(
    /provider = "sqlite"\n}/,
    `provider = "${targetProvider}"\n  url = "${targetUrl}"\n}`,
  );
  writeFileSync(target, schema);
  return target;
}

try {
  schemaFor(join(root, "prisma/schema.prisma"), join(dir, "schema.prisma"), provider, url);
  const from = fromFile
    ? [
        "--from-schema-datamodel",
        schemaFor(resolve(fromFile), join(dir, "from.prisma"), provider, url),
      ]
    : ["--from-empty"];
  writeFileSync(
    join(dir, "prisma.config.mjs"),
    `${adapter}
export default { experimental: { adapter: true }, engine: "js", schema: ${JSON.stringify(join(dir, "schema.prisma"))},
  adapter: async () => adapter() };
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
  pg?.stop();
}
