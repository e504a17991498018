import { processSingleton } from "@/lib/process-singleton";

// Runs once when a server process starts (dev or production). The promise is left on globalThis
// for the production server (scripts/server.mjs), which waits for it before it says it is ready
// and stops if it fails — loading included, where a bad configuration shows.
export function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME !== "nodejs") return Promise.resolve();
  return processSingleton("boot", async () => {
    const { boot } = await import("@/lib/boot");
    await boot();
  });
}
