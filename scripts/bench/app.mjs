// Starts the studio's production server (`npm start`'s, on the build in NEXT_DIST_DIR) for the benchmark and
// reads its memory from /proc.
import { spawn } from "node:child_process";
import { readdirSync, readFileSync } from "node:fs";
import { createServer } from "node:net";
import { resolve } from "node:path";

const root = resolve(import.meta.dirname, "../..");

export function freePort() {
  return new Promise((ok, fail) => {
    const s = createServer();
    s.once("error", fail);
    s.listen(0, "127.0.0.1", () => {
      const { port } = s.address();
      s.close(() => ok(port));
    });
  });
}

/** Resolves to { url, port, pid, output(), stop() } once /api/health answers. */
export async function startApp(env, port) {
  port ??= await freePort();
  const child = spawn(
    process.execPath,
    [resolve(root, "scripts/server.mjs"), "-p", String(port), "-H", "127.0.0.1"],
    {
      cwd: root,
      env: { ...process.env, ...env, PORT: String(port), NODE_ENV: "production" },
      stdio: ["ignore", "pipe", "pipe"],
    },
  );
  let log = "";
  const keep = (c) => {
    log = (log + c.toString()).slice(-20_000);
  };
  child.stdout.on("data", keep);
  child.stderr.on("data", keep);
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 90_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`the app exited early:\n${log}`);
    try {
      const res = await fetch(`${url}/api/health`);
      if (res.ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      child.kill("SIGKILL");
      throw new Error(`the app did not become healthy:\n${log}`);
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  return {
    url,
    port,
    pid: child.pid,
    output: () => log,
    stop: () =>
      new Promise((ok) => {
        if (child.exitCode !== null) return ok();
        const force = setTimeout(() => child.kill("SIGKILL"), 10_000);
        child.once("exit", () => {
          clearTimeout(force);
          ok();
        });
        child.kill("SIGTERM");
      }),
  };
}

function children(pid) {
  const out = [];
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, "utf8");
      // The command name may hold spaces and parentheses; fields resume after the last ")".
      const ppid = Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]);
      if (ppid === pid) out.push(Number(entry));
    } catch {
      // gone meanwhile
    }
  }
  return out;
}

function statusKb(pid, field) {
  try {
    const text = readFileSync(`/proc/${pid}/status`, "utf8");
    const m = new RegExp(`^${field}:\\s+(\\d+) kB`, "m").exec(text);
    return m ? Number(m[1]) : 0;
  } catch {
    return 0;
  }
}

/** The process and its descendants (`next start` may serve from a child; posters are cut by ffmpeg). */
export function processTree(pid) {
  const all = [pid];
  for (let i = 0; i < all.length; i++) all.push(...children(all[i]));
  return all;
}

/**
 * CPU time the process has used (user + system), in seconds: unlike requests per second it
 * hardly moves when other work shares the machine.
 */
export function cpuSeconds(pid) {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    // utime and stime, fields 14 and 15 of stat(5), in clock ticks (100 a second on Linux).
    return (Number(fields[11]) + Number(fields[12])) / 100;
  } catch {
    return 0;
  }
}

/** Resident memory (VmRSS) of one process in MiB; 0 once it is gone. */
export function rssMiB(pid) {
  return statusKb(pid, "VmRSS") / 1024;
}

/**
 * The app's memory in MiB: `rss` summed over the process and its descendants, `serverRss` the
 * server process's own, `hwm` the largest peak RSS (VmHWM) among them.
 */
export function appMemory(pid) {
  const all = processTree(pid);
  let rss = 0;
  let hwm = 0;
  for (const p of all) {
    rss += statusKb(p, "VmRSS");
    hwm = Math.max(hwm, statusKb(p, "VmHWM"));
  }
  return {
    rssMiB: rss / 1024,
    serverRssMiB: rssMiB(pid),
    hwmMiB: hwm / 1024,
    processes: all.length,
  };
}

/**
 * Samples every `everyMs` until stopped: the largest RSS of the app with its children, of the
 * server process alone, and of the app and its children together with the `others` (the kie.ai
 * simulator, as `npm start` runs one beside the server).
 */
export function sampleMemory(pid, { everyMs = 100, others = [] } = {}) {
  const peak = { rssMiB: 0, serverRssMiB: 0, withOthersMiB: 0 };
  const tick = () => {
    const app = appMemory(pid);
    const other = others.flatMap(processTree).reduce((sum, p) => sum + rssMiB(p), 0);
    peak.rssMiB = Math.max(peak.rssMiB, app.rssMiB);
    peak.serverRssMiB = Math.max(peak.serverRssMiB, app.serverRssMiB);
    peak.withOthersMiB = Math.max(peak.withOthersMiB, app.rssMiB + other);
  };
  tick();
  const timer = setInterval(tick, everyMs);
  return {
    stop() {
      clearInterval(timer);
      tick();
      return peak;
    },
  };
}

/** Starts scripts/bench/<script> as its own process; it prints one JSON line with its address. */
export async function startChild(script, args) {
  const child = spawn(process.execPath, [resolve(root, "scripts/bench", script), ...args], {
    stdio: ["ignore", "pipe", "inherit"],
  });
  const info = await new Promise((ok, fail) => {
    let text = "";
    child.once("exit", (code) => fail(new Error(`${script} exited with ${code}`)));
    child.stdout.on("data", (chunk) => {
      text += chunk.toString();
      if (text.includes("\n")) ok(JSON.parse(text.slice(0, text.indexOf("\n"))));
    });
  });
  return {
    url: info.url ?? `http://127.0.0.1:${info.port}`,
    pid: child.pid,
    stop: () =>
      new Promise((ok) => {
        if (child.exitCode !== null) return ok();
        child.once("exit", () => ok());
        child.kill("SIGTERM");
      }),
  };
}
