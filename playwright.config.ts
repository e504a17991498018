import { defineConfig, devices } from "@playwright/test";

const PORT = Number(process.env.E2E_PORT ?? 3199);
const chromium = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

// End-to-end against the production build, on its own SQLite file, media folder and simulator.
export default defineConfig({
  testDir: "tests/e2e",
  timeout: 90_000,
  expect: { timeout: 20_000 },
  fullyParallel: false,
  workers: 1,
  retries: 0,
  reporter: [["list"], ["html", { open: "never", outputFolder: "playwright-report" }]],
  outputDir: "test-results/e2e",
  use: {
    baseURL: `http://localhost:${PORT}`,
    trace: "retain-on-failure",
    screenshot: "only-on-failure",
    launchOptions: {
      executablePath: chromium,
      args: [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
        "--disable-quic",
      ],
    },
  },
  projects: [{ name: "chromium", use: { ...devices["Desktop Chrome"] } }],
  webServer: {
    command: "node scripts/launch.mjs start",
    url: `http://localhost:${PORT}/api/health`,
    timeout: 120_000,
    reuseExistingServer: false,
    stdout: "pipe",
    env: {
      PORT: String(PORT),
      DATABASE_URL: "file:./data/e2e/studio.db",
      MEDIA_DIR: "./data/e2e/media",
      SIMULATOR_DATA_DIR: "./data/e2e/simulator",
      SIMULATOR_STEP_MS: "1200",
      AUTH_SECRET: "e2e-auth-secret-not-for-production-0123",
      // The tests play a proxy in front of the studio, giving each test its own client address
      // (tests/e2e/client.ts).
      TRUST_PROXY: "1",
    },
  },
});
