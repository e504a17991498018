// The Chromium the benchmark drives: Debian's, as the end-to-end tests run it (playwright.config.ts;
// scripts/ensure-test-tools.sh installs it), or CHROMIUM_PATH.
export const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

// As playwright.config.ts starts it, headless. Playwright adds its own headless switch, so
// launchChromium leaves this one out; Lighthouse's chrome-launcher takes the list whole.
export const CHROMIUM_FLAGS = [
  "--headless=new",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--no-first-run",
  "--disable-quic",
];

/** That Chromium under Playwright (playwright-core: no browser of its own is downloaded). */
export async function launchChromium() {
  const { chromium } = await import("playwright-core");
  return chromium.launch({
    executablePath: CHROMIUM,
    args: CHROMIUM_FLAGS.filter((f) => !f.startsWith("--headless")),
  });
}
