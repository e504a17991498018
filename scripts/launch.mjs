#!/usr/bin/env node
// `npm run dev` / `npm start`: runs the studio, and — when no KIE_API_KEY is set — the bundled
// kie.ai simulator beside it, so the studio works with no key and no internet.
import { spawn } from "node:child_process";
import { createRequire } from "node:module";
import { resolve } from "node:path";

const mode = process.argv[2] === "start" ? "start" : "dev";
const root = resolve(import.meta.dirname, "..");
const require = createRequire(import.meta.url);
const port = process.env.PORT ?? "3000";
process.env.PORT = port;
process.env.APP_URL ??= `http://localhost:${port}`;
const children = [];

function stopAll(code) {
  for (const child of children) if (child.exitCode === null) child.kill("SIGTERM");
  process.exitCode = code;
}

function startSimulator() {
  return new Promise((resolvePromise, reject) => {
    // One process with tsx's loader (tsx's own command would keep a second one alive to relay
    // signals). The IPC channel is how the simulator notices that this process is gone, however
    // it ended (scripts/exit-with-parent.mjs).
    const child = spawn(
      process.execPath,
      [
        "--import",
        "tsx",
        "--import",
        resolve(root, "scripts/exit-with-parent.mjs"),
        resolve(root, "lib/kie/simulator/cli.ts"),
      ],
      {
        cwd: root,
        env: { SIMULATOR_PORT: "0", ...process.env },
        stdio: ["ignore", "pipe", "inherit", "ipc"],
      },
    );
    children.push(child);
    let announced = false;
    child.stdout.setEncoding("utf8");
    child.stdout.on("data", (text) => {
      process.stdout.write(text.replace(/^(?=.)/gm, "[simulator] "));
      const url = /listening on (http:\/\/\S+)/.exec(text)?.[1];
      if (url && !announced) {
        announced = true;
        resolvePromise(url);
      }
    });
    child.on("exit", (code) => {
      if (!announced) reject(new Error(`the kie.ai simulator exited with code ${code}`));
      // The studio can't work without it: stop, the way a deploy stops the production server.
      else if (mode === "start") process.kill(process.pid, "SIGTERM");
      else stopAll(code ?? 1);
    });
  });
}

if (mode === "dev") {
  process.on("SIGINT", () => stopAll(0));
  process.on("SIGTERM", () => stopAll(0));
}
if (!process.env.KIE_API_KEY) {
  process.env.SIMULATOR_URL = await startSimulator();
  console.log(
    `No KIE_API_KEY set: using the bundled kie.ai simulator at ${process.env.SIMULATOR_URL}`,
  );
}
// Options after the mode go through (`npm start -- --keepAliveTimeout 65000`).
const options = ["-p", port, ...process.argv.slice(3)];
if (mode === "start") {
  // Production runs behind the studio's own server (media door + Next.js), in this process rather
  // than a child: one Node process fewer to keep in memory (about 40 MiB). It reads its options
  // from the command line, as when it runs on its own, and stops on SIGTERM and SIGINT itself.
  const server = resolve(root, "scripts/server.mjs");
  process.argv = [process.argv[0], server, ...options];
  await import(server);
} else {
  // Development is plain `next dev`, where a route handler answers the same media links.
  const app = spawn(process.execPath, [require.resolve("next/dist/bin/next"), "dev", ...options], {
    cwd: root,
    env: process.env,
    stdio: "inherit",
  });
  children.push(app);
  app.on("exit", (code) => stopAll(code ?? 0));
}
