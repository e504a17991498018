import { callbackModes } from "./config";
import { startSimulator } from "./server";

// `tsx lib/kie/simulator/cli.ts` — runs the simulator on its own, configured from the
// environment, for `npm run dev` without a kie.ai key and for Playwright's webServer.

function intFromEnv(name: string): number | undefined {
  const raw = process.env[name]?.trim();
  if (!raw) return undefined;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 0) throw new Error(`${name} must be a whole number`);
  return value;
}

function callbackModeFromEnv() {
  const raw = process.env.SIMULATOR_CALLBACK_MODE?.trim();
  if (!raw) return undefined;
  const mode = callbackModes.find((m) => m === raw);
  if (!mode) throw new Error(`SIMULATOR_CALLBACK_MODE must be one of ${callbackModes.join(", ")}`);
  return mode;
}

async function main(): Promise<void> {
  const simulator = await startSimulator({
    port: intFromEnv("SIMULATOR_PORT") ?? 3210,
    host: process.env.SIMULATOR_HOST?.trim() || "127.0.0.1",
    dataDir: process.env.SIMULATOR_DATA_DIR?.trim() || "./data/simulator",
    stepMs: intFromEnv("SIMULATOR_STEP_MS"),
    hmacKey: process.env.KIE_WEBHOOK_HMAC_KEY?.trim() || undefined,
    callbackMode: callbackModeFromEnv(),
    urlTtlMs: intFromEnv("SIMULATOR_URL_TTL_MS"),
    uploadTtlMs: intFromEnv("SIMULATOR_UPLOAD_TTL_MS"),
  });
  console.log(`kie.ai simulator listening on ${simulator.url}`);
  let stopping = false;
  const stop = (signal: NodeJS.Signals) => {
    if (stopping) return;
    stopping = true;
    console.log(`kie.ai simulator stopping (${signal})`);
    simulator.close().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.on("SIGTERM", stop);
  process.on("SIGINT", stop);
}

main().catch((error: unknown) => {
  console.error(
    `kie.ai simulator failed to start: ${error instanceof Error ? error.message : error}`,
  );
  process.exit(1);
});
