import { type ChildProcess, spawn } from "node:child_process";
import { resolve } from "node:path";

const root = resolve(import.meta.dirname, "../..");

/**
 * The studio's backend (the job worker and its durable jobs) in a child process on the same
 * database and simulator as the test, so a test can kill it without warning and start it again.
 */
export async function startBackend(env: Record<string, string> = {}): Promise<ChildProcess> {
  const proc = spawn(
    process.execPath,
    [
      "--conditions=react-server",
      "--import",
      "tsx",
      resolve(root, "tests/support/studio-process.ts"),
    ],
    {
      cwd: root,
      env: { ...process.env, ...env, NODE_ENV: "production" },
      // Both pipes are read to the end: a full pipe would stall the child's logging.
      stdio: ["ignore", "pipe", "pipe"],
    },
  );
  let stderr = "";
  proc.stderr?.on("data", (chunk: Buffer) => {
    stderr = (stderr + chunk.toString()).slice(-2000);
  });
  await new Promise<void>((ok, fail) => {
    proc.once("exit", (code) =>
      fail(new Error(`studio process exited early (${code}): ${stderr}`)),
    );
    proc.stdout?.on("data", (chunk: Buffer) => {
      if (chunk.toString().includes("studio process ready")) ok();
    });
  });
  return proc;
}

/** SIGKILL: no shutdown hooks, no chance to finish anything — a crash. */
export function kill9(proc: ChildProcess): Promise<void> {
  return new Promise((r) => {
    if (proc.exitCode !== null || proc.signalCode !== null) return r();
    proc.once("exit", () => r());
    proc.kill("SIGKILL");
  });
}
