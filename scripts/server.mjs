#!/usr/bin/env node
// The production server (`npm start`): Next.js behind a plain Node HTTP server whose one addition
// is the media door — signed `/media/…` links (a member's video, range by range) are answered
// before a request enters Next.js's pipeline (lib/media/media-door.ts). Everything else goes to
// Next.js exactly as `next start` would send it. Needs `next build`.
//   node scripts/server.mjs [-p <port>] [-H <hostname>]
import { createServer } from "node:http";
import { resolve } from "node:path";
import { parseArgs } from "node:util";
import { tsImport } from "tsx/esm/api";

const { values: args } = parseArgs({
  options: { port: { type: "string", short: "p" }, hostname: { type: "string", short: "H" } },
});
const port = Number(args.port ?? process.env.PORT ?? 3000);
const hostname = args.hostname;
// Before Next.js loads: it reads NODE_ENV when it starts.
process.env.NODE_ENV = "production";

const root = resolve(import.meta.dirname, "..");
const { default: next } = await import("next");
const app = next({ dir: root, dev: false, port, hostname });
const handle = app.getRequestHandler();
await app.prepare();

// The door is TypeScript shared with the app; tsx compiles just that module tree as it loads.
const { mediaDoorFromEnv } = await tsImport("../lib/media/media-door.ts", import.meta.url);
const door = mediaDoorFromEnv();

const server = createServer((req, res) => {
  if (door && req.url?.startsWith("/media/")) void door(req, res);
  else void handle(req, res);
});
server.on("upgrade", app.getUpgradeHandler());

function stop() {
  server.close();
  // Open keep-alive connections would hold the process up to their timeout.
  server.closeIdleConnections();
  void app.close().finally(() => process.exit(0));
}
process.on("SIGTERM", stop);
process.on("SIGINT", stop);

server.listen(port, hostname, () => {
  const shown = hostname && hostname !== "0.0.0.0" && hostname !== "::" ? hostname : "localhost";
  console.log(`Hailuo Studio ready on http://${shown}:${port}`);
});
