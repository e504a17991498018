// What `npm start` keeps running once the studio is up, configured with nothing but a free port
// and its own folders (SQLite, local disk, no kie.ai key: the bundled simulator): each process
// (npm, its shell, the server, the simulator) with its resident memory.
import { spawn } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { freePort, processTree, rssMiB } from "./app.mjs";

const root = resolve(import.meta.dirname, "../..");

function role(pid) {
  let cmd = "";
  try {
    cmd = readFileSync(`/proc/${pid}/cmdline`, "utf8").replaceAll("\0", " ");
  } catch {
    return "gone";
  }
  // The shell's command line names the launcher too, so it is told apart first.
  if (cmd.startsWith("sh ") || cmd.startsWith("/bin/sh")) return "sh";
  if (cmd.startsWith("npm")) return "npm";
  if (cmd.includes("simulator/cli.ts"))
    return cmd.includes("tsx/dist/cli.mjs") ? "tsx" : "simulator";
  if (cmd.includes("launch.mjs") || cmd.includes("server.mjs")) return "server";
  if (cmd.includes("esbuild")) return "esbuild";
  return cmd.split(" ")[0];
}

/** Starts `npm start`, waits until it answers and settles, measures, and stops it as Ctrl-C does. */
export async function measureNpmStart({ settleMs = 5_000 } = {}) {
  const dir = mkdtempSync(join(tmpdir(), "studio-bench-npm-start-"));
  const port = await freePort();
  const env = {
    ...process.env,
    PORT: String(port),
    DATABASE_URL: `file:${join(dir, "studio.db")}`,
    MEDIA_DIR: join(dir, "media"),
    SIMULATOR_DATA_DIR: join(dir, "simulator"),
    AUTH_SECRET: "bench-auth-secret-0123456789abcdef",
  };
  for (const name of ["KIE_API_KEY", "SIMULATOR_URL", "APP_URL", "S3_BUCKET"]) delete env[name];
  // Its own process group, so the stop reaches every process at once, as Ctrl-C in a terminal.
  const child = spawn("npm", ["start"], { cwd: root, env, stdio: "ignore", detached: true });
  const exited = new Promise((ok) => child.once("exit", ok));
  try {
    const deadline = Date.now() + 120_000;
    for (;;) {
      if (child.exitCode !== null) throw new Error(`npm start exited with ${child.exitCode}`);
      try {
        if ((await fetch(`http://127.0.0.1:${port}/api/health`)).ok) break;
      } catch {
        // not listening yet
      }
      if (Date.now() > deadline) throw new Error("npm start did not answer within 2 minutes");
      await new Promise((r) => setTimeout(r, 250));
    }
    await new Promise((r) => setTimeout(r, settleMs));
    const processes = processTree(child.pid).map((pid) => ({
      pid,
      role: role(pid),
      rssMiB: rssMiB(pid),
    }));
    return { totalMiB: processes.reduce((sum, p) => sum + p.rssMiB, 0), processes };
  } finally {
    try {
      process.kill(-child.pid, "SIGINT");
    } catch {
      // already gone
    }
    const force = setTimeout(() => {
      try {
        process.kill(-child.pid, "SIGKILL");
      } catch {
        // already gone
      }
    }, 15_000);
    await exited;
    clearTimeout(force);
    rmSync(dir, { recursive: true, force: true });
  }
}
