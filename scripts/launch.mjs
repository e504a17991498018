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
const env = { ...process.env, PORT: port };
env.APP_URL ??= `http://localhost:${port}`;
const children = [];

function stopAll(code) {
  for (const child of children) if (child.exitCode === null) child.kill("SIGTERM");
  process.exitCode = code;
}
process.on("SIGINT", () => stopAll(0));
process.on("SIGTERM", () => stopAll(0));

function startSimulator() {
  return new Promise((resolvePromise, reject) => {
    const tsx = resolve(root, "node_modules/tsx/dist/cli.mjs");
    const child = spawn(process.execPath, [tsx, resolve(root, "lib/kie/simulator/cli.ts")], {
      cwd: root,
      env: { SIMULATOR_PORT: "0", ...env },
      stdio: ["ignore", "pipe", "inherit"],
    });
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
      else stopAll(code ?? 1);
    });
  });
}

if (!env.KIE_API_KEY) {
  env.SIMULATOR_URL = await startSimulator();
  console.log(`No KIE_API_KEY set: using the bundled kie.ai simulator at ${env.SIMULATOR_URL}`);
}
// Production runs behind the studio's own server (media door + Next.js); development is plain
// `next dev`, where a route handler answers the same media links.
// Options after the mode go through (`npm start -- --keepAliveTimeout 65000`).
const command = [
  ...(mode === "start"
    ? [resolve(root, "scripts/server.mjs"), "-p", port]
    : [require.resolve("next/dist/bin/next"), "dev", "-p", port]),
  ...process.argv.slice(3),
];
const app = spawn(process.execPath, command, { cwd: root, env, stdio: "inherit" });
children.push(app);
app.on("exit", (code) => stopAll(code ?? 0));
