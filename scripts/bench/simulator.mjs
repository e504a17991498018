#!/usr/bin/env node
// The kie.ai simulator as the benchmark runs it, in its own process so its work (recordInfo
// answers, video files) does not share an event loop with the load generator:
//   node scripts/bench/simulator.mjs <dataDir> <hmacKey> [deliver]   → prints {"url": "..."}
// With `deliver` it sends each task's callback itself, as kie.ai does (for the page measurements).
import { register } from "tsx/esm/api";

register();
const [dataDir, hmacKey, mode] = process.argv.slice(2);
if (!dataDir || !hmacKey) throw new Error("usage: simulator.mjs <dataDir> <hmacKey>");
const { startSimulator } = await import("../../lib/kie/simulator/server.ts");
const sim = await startSimulator({
  dataDir,
  stepMs: 100,
  hmacKey,
  // The load phases post every callback themselves, so they know when each one arrives.
  callbackMode: mode === "deliver" ? "normal" : "drop",
  // The bundled clip: rendering one per task would measure ffmpeg, not the studio.
  ffmpegPath: null,
  initialCredits: 10_000_000,
  log: () => {},
  faults: {
    createTaskRateLimit: { max: 100_000, windowMs: 1000 },
    recordInfoRateLimit: null,
  },
});
process.stdout.write(`${JSON.stringify({ url: sim.url })}\n`);
process.on("SIGTERM", () => {
  sim.close().finally(() => process.exit(0));
});
