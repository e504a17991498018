import { spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { createServer, type Server } from "node:net";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { afterAll, describe, expect, it } from "vitest";

// How the production server (scripts/server.mjs) starts, or refuses to: a process that can't
// serve ends with an exit code and a reason, so whatever runs it can start it again.
const root = resolve(import.meta.dirname, "../..");
const dir = mkdtempSync(join(tmpdir(), "studio-server-start-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function runServer(args: string[], env: Record<string, string> = {}) {
  return new Promise<{ code: number | null; output: string }>((done) => {
    const child = spawn(process.execPath, [join(root, "scripts/server.mjs"), ...args], {
      cwd: root,
      env: {
        ...process.env,
        DATABASE_URL: `file:${join(dir, "studio.db")}`,
        MEDIA_DIR: join(dir, "media"),
        SIMULATOR_URL: "http://127.0.0.1:9",
        AUTH_SECRET: "server-start-auth-secret-0123456789",
        ...env,
      },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let output = "";
    child.stdout.on("data", (c: Buffer) => {
      output += c.toString();
    });
    child.stderr.on("data", (c: Buffer) => {
      output += c.toString();
    });
    const timer = setTimeout(() => child.kill("SIGKILL"), 60_000);
    child.on("exit", (code) => {
      clearTimeout(timer);
      done({ code, output });
    });
  });
}

describe("starting the production server", () => {
  it("ends with code 1 when the app can't boot (a database that can't be reached)", async () => {
    const { code, output } = await runServer([], {
      DATABASE_URL: "postgresql://studio:studio@127.0.0.1:1/studio",
    });
    expect(code).toBe(1);
    expect(output).toContain("the app could not start");
    expect(output).not.toContain("ready on");
  });

  it("ends with code 1, saying what is wrong, on a configuration it can't use", async () => {
    const { code, output } = await runServer([], { AUTH_SECRET: "short" });
    expect(code).toBe(1);
    expect(output).toContain("AUTH_SECRET");
    expect(output).toContain("the app could not start");
  });

  it("ends with code 1 when its port is taken", async () => {
    const taken: Server = createServer();
    await new Promise<void>((ok) => taken.listen(0, "127.0.0.1", ok));
    const port = (taken.address() as { port: number }).port;
    try {
      const { code, output } = await runServer(["-p", String(port), "-H", "127.0.0.1"]);
      expect(code).toBe(1);
      expect(output).toContain("EADDRINUSE");
    } finally {
      taken.close();
    }
  });

  it("ends with code 1 and its usage on an option it doesn't know, or a port that isn't one", async () => {
    const unknown = await runServer(["--bogus"]);
    expect(unknown.code).toBe(1);
    expect(unknown.output).toContain("usage: node scripts/server.mjs");
    for (const port of ["eighty", "0", "70000"]) {
      const notPort = await runServer(["-p", port]);
      expect(notPort.code, port).toBe(1);
      expect(notPort.output, port).toContain("Not a port");
    }
  });
});
