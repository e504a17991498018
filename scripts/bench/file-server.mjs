#!/usr/bin/env node
// The reference for video delivery: Node's plain file streaming. A bare node:http server that
// answers GET with one file, honouring a single "bytes=start-end" Range with fs.createReadStream.
// Run as its own process (like the app) so it does not share a CPU with the load generator:
//   node scripts/bench/file-server.mjs <file>   → prints {"port": n}
import { createReadStream, statSync } from "node:fs";
import { createServer } from "node:http";

const file = process.argv[2];
if (!file) throw new Error("usage: file-server.mjs <file>");
const size = statSync(file).size;

const server = createServer((req, res) => {
  const m = /^bytes=(\d*)-(\d*)$/.exec(req.headers.range ?? "");
  const headers = { "Content-Type": "video/mp4", "Accept-Ranges": "bytes" };
  if (!m) {
    res.writeHead(200, { ...headers, "Content-Length": size });
    createReadStream(file).pipe(res);
    return;
  }
  const start = m[1] === "" ? Math.max(0, size - Number(m[2])) : Number(m[1]);
  const end = m[1] === "" || m[2] === "" ? size - 1 : Math.min(Number(m[2]), size - 1);
  if (start > end || start >= size) {
    res.writeHead(416, { ...headers, "Content-Range": `bytes */${size}` }).end();
    return;
  }
  res.writeHead(206, {
    ...headers,
    "Content-Range": `bytes ${start}-${end}/${size}`,
    "Content-Length": end - start + 1,
  });
  createReadStream(file, { start, end }).pipe(res);
});

server.listen(0, "127.0.0.1", () => {
  process.stdout.write(`${JSON.stringify({ port: server.address().port })}\n`);
});
process.on("SIGTERM", () => server.close(() => process.exit(0)));
