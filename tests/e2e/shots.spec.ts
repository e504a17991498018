import { checkBothThemes } from "./axe";
import { expect, type Locator, type Page, test } from "./client";

// A shot of two takes, judged as a creator would: one card with its takes, Compare playing them
// in step, Keep choosing one (which then leads the card), and "Delete the others".

async function pressTwoTakes(page: Page, text: string): Promise<Locator> {
  await page
    .getByRole("group", { name: "Takes", exact: true })
    .getByText("2", { exact: true })
    .click();
  await page.getByLabel("Prompt", { exact: true }).fill(text);
  await page.getByRole("button", { name: "Generate" }).click();
  const card = page.getByTestId("generation-card").filter({ hasText: text });
  const strip = card.getByRole("group", { name: "Takes of this shot" });
  for (const n of [1, 2]) {
    await expect(strip.getByRole("button", { name: `Take ${n} of 2, Ready` })).toBeVisible({
      timeout: 90_000,
    });
  }
  return card;
}

/** Each take's playing position, in take order. */
function positions(page: Page): Promise<number[]> {
  return page
    .getByTestId("take-video")
    .evaluateAll((videos) => videos.map((v) => (v as HTMLVideoElement).currentTime));
}

const spread = (times: number[]) => Math.max(...times) - Math.min(...times);

test("Compare plays a shot's takes in step; Keep leads the card; Delete the others", async ({
  page,
}, info) => {
  test.setTimeout(240_000);
  await page.setViewportSize({ width: 1440, height: 900 });
  await page.goto("/sign-up");
  await page.getByLabel("Email").fill(`e2e-compare-${Date.now()}@example.com`);
  await page.getByLabel("Password").fill("a long enough password");
  await page.getByRole("button", { name: "Create account" }).click();
  await page.waitForURL(/\/w\/[^/]+$/);
  const studio = new URL(page.url()).pathname;

  const card = await pressTwoTakes(
    page,
    "两个版本：雨后的石板路，镜头跟随一把红伞 [Tracking shot]",
  );
  await page.screenshot({ path: info.outputPath("shot-card-desktop.png") });

  await card.getByRole("link", { name: "Compare the takes side by side" }).click();
  await page.waitForURL(/\/shots\/[^/]+$/);
  await expect(page.getByRole("heading", { level: 1, name: "2 takes of one shot" })).toBeVisible();
  const videos = page.getByTestId("take-video");
  await expect(videos).toHaveCount(2);
  await expect
    .poll(async () =>
      videos.evaluateAll((vs) => vs.every((v) => (v as HTMLVideoElement).readyState >= 2)),
    )
    .toBe(true);

  // Play moves both; while they play, they stay within a quarter second of each other.
  await page.getByTestId("compare-play").click();
  await expect.poll(async () => Math.min(...(await positions(page)))).toBeGreaterThan(1);
  for (let i = 0; i < 5; i++) {
    expect(spread(await positions(page))).toBeLessThan(0.25);
    await page.waitForTimeout(200);
  }
  await page.getByRole("button", { name: "Pause" }).click();
  const paused = await positions(page);
  await page.waitForTimeout(300);
  expect(await positions(page)).toEqual(paused);
  expect(spread(paused)).toBeLessThan(0.25);

  // Moving the position moves both.
  await page.getByRole("slider", { name: "Position" }).evaluate((el, value) => {
    const input = el as HTMLInputElement;
    Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, "value")?.set?.call(input, value);
    input.dispatchEvent(new Event("input", { bubbles: true }));
  }, "4");
  await expect.poll(async () => positions(page)).toEqual([4, 4]);

  await page.screenshot({ path: info.outputPath("compare-desktop.png") });
  const found: string[] = [];
  await checkBothThemes(page, "a shot's takes", found);
  expect(found).toEqual([]);
  await page.emulateMedia({ colorScheme: "dark" });
  await page.setViewportSize({ width: 390, height: 844 });
  await page.screenshot({ path: info.outputPath("compare-phone.png"), fullPage: true });
  await page.setViewportSize({ width: 1440, height: 900 });
  await page.emulateMedia({ colorScheme: "light" });

  // Keep take 2: it leads the shot's card from then on.
  const keep = page.getByRole("button", { name: "Keep take 2" });
  await keep.click();
  await expect(keep).toHaveAttribute("aria-pressed", "true");
  await expect(page.getByRole("button", { name: "Keep take 1" })).toHaveAttribute(
    "aria-pressed",
    "false",
  );
  await page.goto(studio);
  await expect(card.getByTestId("take-label")).toHaveText(/^Kept\s*Take 2 of 2$/);
  await page.setViewportSize({ width: 390, height: 844 });
  await page.screenshot({ path: info.outputPath("shot-card-phone.png") });
  await page.setViewportSize({ width: 1440, height: 900 });

  // Delete the others: take 1 goes, the kept take stays, and the card is a single take.
  await card.getByRole("link", { name: "Compare the takes side by side" }).click();
  await page.getByRole("button", { name: "Delete the others" }).click();
  await page.getByRole("alertdialog").getByRole("button", { name: "Delete the others" }).click();
  await expect(page.getByRole("status").filter({ hasText: "1 take deleted." })).toBeVisible();
  await expect(page.getByTestId("take-tile")).toHaveCount(1);
  await page.goto(studio);
  await expect(card).toHaveCount(1);
  await expect(card.getByRole("group", { name: "Takes of this shot" })).toHaveCount(0);
  await expect(card.getByTestId("take-label")).toHaveText(/^Kept\s*Take 2 of 2$/);
});

test("a shot as a whole: favourite, collect and share every take in one step, then delete it", async ({
  page,
  browser,
}, info) => {
  test.setTimeout(240_000);
  await page.setViewportSize({ width: 1440, height: 900 });
  await page.goto("/sign-up");
  await page.getByLabel("Email").fill(`e2e-whole-shot-${Date.now()}@example.com`);
  await page.getByLabel("Password").fill("a long enough password");
  await page.getByRole("button", { name: "Create account" }).click();
  await page.waitForURL(/\/w\/[^/]+$/);
  const studio = new URL(page.url()).pathname;

  const prompt = "整个镜头：海浪拍打礁石，慢动作 [Static shot]";
  const card = await pressTwoTakes(page, prompt);
  await card.getByRole("link", { name: "Compare the takes side by side" }).click();
  await page.waitForURL(/\/shots\/[^/]+$/);
  const whole = page.getByRole("region", { name: "The whole shot" });

  // Favourite: both takes are starred, as the gallery's favourites filter shows.
  await whole.getByRole("button", { name: "Add the shot to favorites" }).click();
  await expect(
    whole.getByRole("button", { name: "Remove the shot from favorites" }),
  ).toHaveAttribute("aria-pressed", "true");

  // Collect: a new collection made from the menu holds both takes.
  await whole.getByRole("button", { name: "Add to collection" }).click();
  const menu = page.getByRole("dialog", { name: "Add to collection" });
  await menu.getByRole("textbox", { name: "New collection name" }).fill("整个镜头");
  await menu.getByRole("button", { name: "Create" }).click();
  await expect(menu.getByRole("checkbox", { name: /整个镜头/ })).toBeChecked();
  await expect(menu.getByText("2", { exact: true })).toBeVisible();
  await page.keyboard.press("Escape");
  const found: string[] = [];
  await checkBothThemes(page, "the whole shot's actions", found);
  await page.emulateMedia({ colorScheme: "light" });
  await page.screenshot({ path: info.outputPath("whole-shot-desktop.png") });
  await page.setViewportSize({ width: 390, height: 844 });
  await page.screenshot({ path: info.outputPath("whole-shot-phone.png") });
  await page.setViewportSize({ width: 1440, height: 900 });

  // Share: the link shows the shot's two takes, in take order, to anyone.
  await whole.getByRole("button", { name: "Share the shot" }).click();
  const dialog = page.getByRole("dialog", { name: "Share this shot" });
  await dialog.getByRole("button", { name: "Create link" }).click();
  const shared = await dialog.getByTestId("share-url").inputValue();
  await page.keyboard.press("Escape");
  const visitorContext = await browser.newContext({ viewport: { width: 1440, height: 900 } });
  const visitor = await visitorContext.newPage();
  await visitor.goto(shared);
  await expect(visitor.getByTestId("shared-tile")).toHaveCount(2);
  await expect(visitor).toHaveTitle(/^整个镜头：海浪拍打礁石/);
  await checkBothThemes(visitor, "a shared shot", found);
  expect(found).toEqual([]);
  await visitor.screenshot({ path: info.outputPath("shared-shot-desktop.png") });

  await page.goto(`${studio}?favorites=1`);
  await expect(
    card.getByRole("group", { name: "Takes of this shot" }).getByRole("button"),
  ).toHaveCount(2);

  // Delete: every take goes; back in the gallery, which says so; the link shows nothing now.
  await card.getByRole("link", { name: "Compare the takes side by side" }).click();
  await page.waitForURL(/\/shots\/[^/]+$/);
  await whole.getByRole("button", { name: "Delete the shot" }).click();
  await page.getByRole("alertdialog").getByRole("button", { name: "Delete the shot" }).click();
  await page.waitForURL((url) => url.pathname === studio);
  await expect(page.getByTestId("notice").filter({ hasText: "Shot deleted." })).toBeVisible();
  await expect(page.getByTestId("generation-card").filter({ hasText: prompt })).toHaveCount(0);
  const gone = await visitor.goto(shared);
  expect(gone?.status()).toBe(404);
  await visitorContext.close();
});
