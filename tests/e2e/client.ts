import { randomInt } from "node:crypto";
import { test as base } from "@playwright/test";

export {
  type Browser,
  type BrowserContext,
  expect,
  type Locator,
  type Page,
} from "@playwright/test";

/**
 * Each test is a different visitor: the studio under test sits behind one trusted proxy
 * (TRUST_PROXY=1 in playwright.config.ts), as in a real deployment, and each test's browser
 * arrives from its own address through it. Per-address limits (ten sign-ups an hour) then count
 * each visitor apart, as they would for people on different networks; the limits themselves are
 * tested in tests/production.
 */
export const test = base.extend({
  context: async ({ context }, use) => {
    const address = `10.${randomInt(256)}.${randomInt(256)}.${randomInt(1, 255)}`;
    await context.setExtraHTTPHeaders({ "x-forwarded-for": address });
    await use(context);
  },
});
