import { expect, type Page, test } from "./client";

// Every page in both themes at a desktop width (1440) and a phone's (390), saved under
// test-results/e2e/ for a person to look at: the studio with videos in every state a card can
// show, a video's page, settings, collections, share links, and what a visitor sees of a shared
// video and a shared gallery. Each shot waits for its page's heading, so none is of a page
// half-drawn.

const WIDTHS = [
  ["desktop", { width: 1440, height: 900 }],
  ["phone", { width: 390, height: 844 }],
] as const;
const THEMES = ["light", "dark"] as const;

async function shoot(page: Page, name: string, path: string, save: (file: string) => string) {
  for (const [device, viewport] of WIDTHS) {
    await page.setViewportSize(viewport);
    await page.goto(path);
    await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
    for (const scheme of THEMES) {
      await page.emulateMedia({ colorScheme: scheme });
      // Posters and fonts settled: nothing still loading in the picture. (Not "networkidle":
      // the studio's live updates keep a connection open.)
      await page.waitForFunction(
        async () =>
          (await document.fonts.ready) && [...document.images].every((image) => image.complete),
      );
      // Transitions (colours fading to the new theme) finished, not caught halfway.
      await page.screenshot({
        path: save(`${name}-${device}-${scheme}.png`),
        animations: "disabled",
      });
    }
  }
}

test("every page, in both themes, at desktop and phone width", async ({ page, browser }, info) => {
  test.setTimeout(240_000);
  const save = (file: string) => info.outputPath(file);
  await shoot(page, "sign-in", "/sign-in", save);
  await shoot(page, "sign-up", "/sign-up", save);

  await page.setViewportSize({ width: 1440, height: 900 });
  await page.goto("/sign-up");
  await page.getByLabel("Email").fill(`e2e-shots-${Date.now()}@example.com`);
  await page.getByLabel("Password").fill("a long enough password");
  await page.getByRole("button", { name: "Create account" }).click();
  await page.waitForURL(/\/w\/[^/]+$/);
  const studio = new URL(page.url()).pathname;
  const prompt = page.getByLabel("Prompt", { exact: true });
  // The fox is a shot of two takes: its card carries the strip, and it has a page of its own.
  const takes = page.getByRole("group", { name: "Takes", exact: true });
  for (const [text, count] of [
    ["雨夜的霓虹街道，一只猫慢慢走过 [Push in]", "1"],
    ["a red fox crossing fresh snow at dawn [Pan left,Pedestal up]", "2"],
    ["a lighthouse at dusk, this one fails [sim:fail]", "1"],
  ] as const) {
    await takes.getByText(count, { exact: true }).click();
    await prompt.fill(text);
    await page.getByRole("button", { name: "Generate" }).click();
    await expect(page.getByTestId("generation-card").filter({ hasText: text })).toBeVisible();
  }
  const cards = page.getByTestId("generation-card");
  await expect(cards.filter({ hasText: "a red fox" })).toHaveAttribute("data-state", "success", {
    timeout: 60_000,
  });
  await expect(cards.filter({ hasText: "this one fails" })).toHaveAttribute("data-state", "fail", {
    timeout: 60_000,
  });
  await shoot(page, "studio", studio, save);

  await page.setViewportSize({ width: 1440, height: 900 });
  await page.goto(studio);
  const fox = cards.filter({ hasText: "a red fox" });
  await expect(fox.getByRole("button", { name: /Ready$/ })).toHaveCount(2, { timeout: 60_000 });
  await fox.getByRole("link", { name: /a red fox/ }).click();
  await page.waitForURL(/\/g\/[^/]+$/);
  const video = new URL(page.url()).pathname;
  await shoot(page, "video", video, save);
  await page.goto(studio);
  await fox.getByRole("link", { name: "Compare the takes side by side" }).click();
  await page.waitForURL(/\/shots\/[^/]+$/);
  await shoot(page, "shot", new URL(page.url()).pathname, save);

  await page.setViewportSize({ width: 1440, height: 900 });
  await page.goto(video);
  await page.getByRole("button", { name: "Share", exact: true }).click();
  const dialog = page.getByRole("dialog");
  await dialog.getByRole("button", { name: "Create link" }).click();
  const sharedVideo = new URL(await dialog.getByTestId("share-url").inputValue()).pathname;
  await page.goto(`${studio}/shares`);
  await page.getByRole("button", { name: "Share gallery" }).click();
  await page.getByRole("dialog").getByRole("button", { name: "Create link" }).click();
  const sharedGallery = new URL(
    await page.getByRole("dialog").getByTestId("share-url").inputValue(),
  ).pathname;
  await page.keyboard.press("Escape");

  for (const [name, path] of [
    ["settings", `${studio}/settings`],
    ["members", `${studio}/settings/members`],
    ["kie-and-budget", `${studio}/settings/kie`],
    ["audit-log", `${studio}/settings/audit`],
    ["collections", `${studio}/collections`],
    ["share-links", `${studio}/shares`],
    ["new-workspace", "/w/new"],
  ] as const) {
    await shoot(page, name, path, save);
  }

  const visitorContext = await browser.newContext();
  const visitor = await visitorContext.newPage();
  await shoot(visitor, "shared-video", new URL(sharedVideo, page.url()).href, save);
  await shoot(visitor, "shared-gallery", new URL(sharedGallery, page.url()).href, save);
  await visitorContext.close();
});
