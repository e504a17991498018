// A studio backend in its own process — the job worker with its durable jobs — so a test can
// kill it with SIGKILL mid-flight and start it again, or stop it with SIGTERM as a deploy does.
// Its environment comes from the parent.
import { boot } from "@/lib/boot";

await boot();
// As the production server stops (scripts/server.mjs): the app's shutdown first.
const SHUTDOWN = Symbol.for("hailuo-studio.shutdown");
process.on("SIGTERM", async () => {
  const shutdown = (globalThis as Record<symbol, (() => Promise<void>) | undefined>)[SHUTDOWN];
  await shutdown?.();
  process.exit(143);
});
console.log("studio process ready");
