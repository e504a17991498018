// One Lighthouse run (desktop preset: simulated dense 4G, no CPU slowdown, 1350×940 screen) of one
// page, performance and accessibility only, in a Chromium of its own started by chrome-launcher
// from a given binary (Lighthouse 12: it runs on Node 20 and downloads no browser).

import { mkdirSync, writeFileSync } from "node:fs";
import { dirname } from "node:path";
import { launch } from "chrome-launcher";
import lighthouse from "lighthouse";
import desktopConfig from "lighthouse/core/config/desktop-config.js";

/**
 * Scores are 0–100; metrics in ms (CLS unitless); failedAccessibility names the accessibility
 * audits (axe-core rules) that failed, so a score below 100 says why.
 */
export async function runLighthouse(url, { chromePath, chromeFlags, cookie, reportFile }) {
  const chrome = await launch({ chromePath, chromeFlags, logLevel: "silent" });
  try {
    const runner = await lighthouse(
      url,
      {
        port: chrome.port,
        output: "json",
        logLevel: "error",
        onlyCategories: ["performance", "accessibility"],
        // The session and the theme, on every request the page makes, as a browser's cookie jar
        // would send them.
        extraHeaders: cookie ? { Cookie: cookie } : undefined,
        disableFullPageScreenshot: true,
      },
      desktopConfig,
    );
    const lhr = runner?.lhr;
    if (!lhr) throw new Error(`Lighthouse returned nothing for ${url}`);
    if (lhr.runtimeError) throw new Error(`Lighthouse: ${lhr.runtimeError.message}`);
    if (reportFile) {
      mkdirSync(dirname(reportFile), { recursive: true });
      writeFileSync(reportFile, JSON.stringify(lhr));
    }
    const score = (id) =>
      lhr.categories[id]?.score === null ? null : Math.round(lhr.categories[id].score * 100);
    const value = (id) => lhr.audits[id]?.numericValue ?? null;
    const failedAccessibility = lhr.categories.accessibility.auditRefs
      .filter((ref) => ref.weight > 0 && lhr.audits[ref.id]?.score === 0)
      .map((ref) => ref.id);
    return {
      performance: score("performance"),
      accessibility: score("accessibility"),
      failedAccessibility,
      finalUrl: lhr.finalDisplayedUrl,
      version: lhr.lighthouseVersion,
      metrics: {
        fcpMs: value("first-contentful-paint"),
        lcpMs: value("largest-contentful-paint"),
        tbtMs: value("total-blocking-time"),
        cls: value("cumulative-layout-shift"),
        speedIndexMs: value("speed-index"),
      },
    };
  } finally {
    chrome.kill();
  }
}
