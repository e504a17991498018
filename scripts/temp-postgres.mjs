#!/usr/bin/env node
// A throwaway PostgreSQL server for tests and benchmarks: initdb into a temporary folder, start
// on a free port, stop and delete on request. Uses the server binaries on PATH or in Debian's
// /usr/lib/postgresql/<version>/bin; as root it runs them as the `postgres` user (PostgreSQL
// refuses to run as root).
//   node scripts/temp-postgres.mjs   → prints the URL, stops on Ctrl+C
import { execFileSync, spawnSync } from "node:child_process";
import { chmodSync, chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";

function findBin(name) {
  const fromPath = spawnSync("sh", ["-c", `command -v ${name}`], {
    encoding: "utf8",
  }).stdout.trim();
  if (fromPath) return fromPath;
  const base = "/usr/lib/postgresql";
  if (existsSync(base)) {
    for (const version of readdirSync(base).sort().reverse()) {
      const candidate = join(base, version, "bin", name);
      if (existsSync(candidate)) return candidate;
    }
  }
  return null;
}

export function postgresAvailable() {
  return Boolean(findBin("initdb") && findBin("pg_ctl"));
}

function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

/** Starts a fresh server; resolves to { url, stop }. Throws with a clear message if it cannot. */
export async function startTempPostgres() {
  const initdb = findBin("initdb");
  const pgCtl = findBin("pg_ctl");
  if (!initdb || !pgCtl) {
    throw new Error(
      "PostgreSQL server binaries (initdb, pg_ctl) not found. Install them, e.g. `apt-get install -y postgresql`.",
    );
  }
  const asRoot = process.getuid?.() === 0;
  const dir = mkdtempSync(join(tmpdir(), "studio-pg-"));
  const data = join(dir, "data");
  const run = (bin, args) => {
    const [cmd, argv] = asRoot ? ["runuser", ["-u", "postgres", "--", bin, ...args]] : [bin, args];
    execFileSync(cmd, argv, { stdio: ["ignore", "pipe", "pipe"] });
  };
  if (asRoot) {
    const { uid, gid } = userIds("postgres");
    chownSync(dir, uid, gid);
  }
  chmodSync(dir, 0o700);
  run(initdb, [
    "-D",
    data,
    "-U",
    "postgres",
    "--auth=trust",
    "--encoding=UTF8",
    "--locale=C.UTF-8",
    "--no-sync",
  ]);
  const port = await freePort();
  const start = () =>
    run(pgCtl, [
      "-D",
      data,
      "-w",
      "-l",
      join(dir, "server.log"),
      "-o",
      `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c max_connections=200`,
      "start",
    ]);
  start();
  const url = `postgresql://postgres@127.0.0.1:${port}/postgres`;
  return {
    url,
    port,
    /** Stops the server but keeps its data, as an outage would. */
    pause() {
      run(pgCtl, ["-D", data, "-m", "fast", "-w", "stop"]);
    },
    resume() {
      start();
    },
    stop() {
      try {
        run(pgCtl, ["-D", data, "-m", "immediate", "-w", "stop"]);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    },
  };
}

function userIds(name) {
  const line = execFileSync("getent", ["passwd", name], { encoding: "utf8" }).split(":");
  return { uid: Number(line[2]), gid: Number(line[3]) };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const pg = await startTempPostgres();
  console.log(pg.url);
  const stop = () => {
    pg.stop();
    process.exit(0);
  };
  process.on("SIGINT", stop);
  process.on("SIGTERM", stop);
  setInterval(() => {}, 1 << 30);
}
