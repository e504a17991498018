import { type Browser, expect, type Page, test } from "./client";

// The gallery as a place to judge footage: filters that keep up with quick hands, the editor
// folded out of the way and posters in three sizes (both remembered), videos by day, a viewer
// who gets the videos without an editor they can't use, and a phone that shows a video first.

const PASSWORD = "a long enough password";

function email(who: string): string {
  return `e2e-gallery-${who}-${Date.now()}-${Math.random().toString(36).slice(2, 8)}@example.com`;
}

async function signUp(page: Page, who = "owner"): Promise<void> {
  await page.goto("/sign-up");
  await page.getByLabel("Email").fill(email(who));
  await page.getByLabel("Password").fill(PASSWORD);
  await page.getByRole("button", { name: "Create account" }).click();
  await page.waitForURL(/\/w\/[^/]+$/);
}

async function generate(page: Page, prompts: string[]): Promise<void> {
  const box = page.getByLabel("Prompt", { exact: true });
  for (const prompt of prompts) {
    await box.fill(prompt);
    await page.getByRole("button", { name: "Generate" }).click();
    await expect(page.getByTestId("generation-card").filter({ hasText: prompt })).toBeVisible();
  }
}

/** How many cards share the first card's row. */
async function firstRowCount(page: Page): Promise<number> {
  return page.getByTestId("generation-card").evaluateAll((cards) => {
    const top = cards[0]?.getBoundingClientRect().top;
    return cards.filter((c) => Math.abs(c.getBoundingClientRect().top - (top ?? 0)) < 2).length;
  });
}

test("quick filter changes never undo each other", async ({ page }) => {
  await page.setViewportSize({ width: 1440, height: 900 });
  await signUp(page);
  await generate(page, ["a lighthouse at dusk, waves breaking"]);
  for (let i = 0; i < 3; i++) {
    // The second change goes out before the first one's navigation has landed.
    await page.getByRole("button", { name: "Favorites", exact: true }).click();
    await page.getByRole("combobox", { name: "Status" }).click();
    await page.getByRole("option", { name: "Ready" }).click();
    await expect(page).toHaveURL(/favorites=1/);
    await expect(page).toHaveURL(/state=ready/);
    await page.getByTestId("clear-filters").click();
    await expect(page).not.toHaveURL(/\?/);
  }
  // Dates come from a calendar in the studio's language, or a quick choice.
  await page.getByRole("button", { name: "Made: Any time" }).click();
  await page.getByRole("button", { name: "Last 7 days" }).click();
  await expect(page).toHaveURL(/from=\d{4}-\d{2}-\d{2}&to=\d{4}-\d{2}-\d{2}|to=.*from=/);
  await expect(page.getByTestId("generation-card")).toHaveCount(1);
  await page.getByTestId("clear-filters").click();
  await page.getByRole("button", { name: "中文" }).click();
  await page.getByRole("button", { name: "日期：任何时间" }).click();
  const calendar = page.getByRole("dialog", { name: "日期" });
  await expect(calendar.getByRole("grid")).toContainText("一");
  await expect(calendar).toContainText(/\d{4}年\d{1,2}月|\d{1,2}月/);
});

test("the editor folds to a bar and posters come in three sizes, both remembered; videos are grouped by day", async ({
  page,
}, testInfo) => {
  await page.setViewportSize({ width: 1440, height: 900 });
  await signUp(page);
  await generate(page, [
    "a red fox crossing fresh snow at dawn [Pan left]",
    "雨夜的霓虹街道，一只猫慢慢走过 [Push in]",
    "paper boats on a rain puddle, close up",
    "a kite over green hills, wide shot",
  ]);
  await expect(page.getByRole("heading", { name: "Today", level: 3 })).toBeVisible();
  const medium = await firstRowCount(page);

  await page.getByRole("button", { name: "Fold the editor away" }).click();
  const bar = page.getByRole("button", { name: /New video/ });
  await expect(bar).toBeFocused();
  await expect(page.getByLabel("Prompt", { exact: true })).toBeHidden();
  // The videos take the editor's room.
  expect(await firstRowCount(page)).toBeGreaterThan(medium);
  await page.getByRole("button", { name: "Small posters" }).click();
  const small = await firstRowCount(page);
  expect(small).toBeGreaterThan(medium);
  await page.screenshot({ path: testInfo.outputPath("folded-small.png") });

  await page.reload();
  await expect(page.getByRole("button", { name: /New video/ })).toBeVisible();
  await expect(page.getByLabel("Prompt", { exact: true })).toBeHidden();
  await expect(page.getByRole("button", { name: "Small posters" })).toHaveAttribute(
    "aria-pressed",
    "true",
  );
  expect(await firstRowCount(page)).toBe(small);

  await page.getByRole("button", { name: "Large posters" }).click();
  expect(await firstRowCount(page)).toBeLessThan(medium + 1);
  await page.getByRole("button", { name: /New video/ }).click();
  await expect(page.getByLabel("Prompt", { exact: true })).toBeFocused();
  await page.reload();
  await expect(page.getByLabel("Prompt", { exact: true })).toBeVisible();

  // The whole gallery, shared: a wall of posters, a full-screen viewer that the arrow keys move
  // through and Esc leaves. A share shows ready videos only: all four are made first.
  for (const card of await page.getByTestId("generation-card").all()) {
    await expect(card).toHaveAttribute("data-state", "success", { timeout: 120_000 });
  }
  await page.goto(`${new URL(page.url()).pathname}/shares`);
  await page.getByRole("button", { name: "Share gallery" }).click();
  const dialog = page.getByRole("dialog");
  await dialog.getByRole("button", { name: "Create link" }).click();
  const sharePath = new URL(await dialog.getByTestId("share-url").inputValue()).pathname;
  const visitor = await page
    .context()
    .browser()
    ?.newPage({ viewport: { width: 1440, height: 900 } });
  if (!visitor) throw new Error("no browser for the visitor");
  await visitor.goto(new URL(sharePath, page.url()).href);
  const tiles = visitor.getByTestId("shared-tile");
  await expect(tiles).toHaveCount(4);
  await visitor.screenshot({ path: testInfo.outputPath("shared-gallery.png") });
  await tiles.first().click();
  const viewer = visitor.getByTestId("video-viewer");
  await expect(viewer.getByText("1 of 4")).toBeVisible();
  await visitor.keyboard.press("ArrowRight");
  await expect(viewer.getByText("2 of 4")).toBeVisible();
  await visitor.keyboard.press("ArrowLeft");
  await visitor.keyboard.press("ArrowLeft");
  await expect(viewer.getByText("4 of 4")).toBeVisible();
  await expect(viewer.getByTestId("viewer-video")).toBeVisible();
  await visitor.screenshot({ path: testInfo.outputPath("shared-viewer.png") });
  await visitor.keyboard.press("Escape");
  await expect(viewer).toHaveCount(0);
  // Focus is back on the poster of the video last watched.
  await expect(tiles.last()).toBeFocused();
  await visitor.close();
});

test("on a phone the editor starts as a bar and the first video is on the first screen", async ({
  page,
}, testInfo) => {
  await page.setViewportSize({ width: 1280, height: 860 });
  await signUp(page);
  await generate(page, ["a hummingbird at a red flower, slow motion"]);
  await page.setViewportSize({ width: 390, height: 844 });
  await page.reload();
  const card = page.getByTestId("generation-card").first();
  const box = await card.boundingBox();
  expect(box?.y).toBeLessThan(844);
  await page.screenshot({ path: testInfo.outputPath("phone-first-screen.png") });
  // The filters wait behind one button, in a sheet.
  await page.getByRole("button", { name: "Filters" }).click();
  const sheet = page.getByRole("dialog", { name: "Filters" });
  await sheet.getByRole("combobox", { name: "Status" }).click();
  await page.getByRole("option", { name: "Ready" }).click();
  await expect(page).toHaveURL(/state=ready/);
  await page.screenshot({ path: testInfo.outputPath("phone-filters.png") });
  await sheet.getByRole("button", { name: "Show videos" }).click();
  await expect(sheet).toHaveCount(0);
  await expect(page.getByRole("button", { name: /Filters\s*1/ })).toBeVisible();
  // Opening the editor there is for this visit; it starts as a bar again next time.
  await page.getByRole("button", { name: /New video/ }).click();
  await expect(page.getByLabel("Prompt", { exact: true })).toBeFocused();
  await page.reload();
  await expect(page.getByLabel("Prompt", { exact: true })).toBeHidden();
});

async function inviteViewer(browser: Browser, owner: Page, baseURL: string | undefined) {
  await owner.goto(`${new URL(owner.url()).pathname}/settings/members`);
  await owner.getByRole("combobox", { name: "Role", exact: true }).click();
  await owner.getByRole("option", { name: "Viewer" }).click();
  await owner.getByRole("button", { name: "Create invite link" }).click();
  const invitePath = new URL(await owner.getByLabel("Invite link").inputValue()).pathname;
  const ctx = await browser.newContext({ baseURL, viewport: { width: 1440, height: 900 } });
  const viewer = await ctx.newPage();
  await signUp(viewer, "viewer");
  await viewer.goto(invitePath);
  await viewer.getByRole("button", { name: "Join workspace" }).click();
  await viewer.waitForURL((url) => /^\/w\/[^/]+$/.test(url.pathname) && !url.search);
  return viewer;
}

test("a viewer sees the videos and one line instead of an editor", async ({
  page,
  browser,
}, testInfo) => {
  await page.setViewportSize({ width: 1440, height: 900 });
  await signUp(page);
  await generate(page, ["a windmill turning slowly at sunset"]);
  const studio = new URL(page.url()).pathname;
  const viewer = await inviteViewer(browser, page, testInfo.project.use.baseURL);
  await viewer.goto(studio);
  await expect(viewer.getByTestId("generation-card")).toHaveCount(1);
  await expect(viewer.getByText("You can watch and share this workspace’s videos")).toBeVisible();
  await expect(viewer.getByLabel("Prompt", { exact: true })).toHaveCount(0);
  await expect(viewer.getByRole("button", { name: "Generate" })).toHaveCount(0);
  await expect(viewer.getByText("to generate")).toHaveCount(0);
  await viewer.context().close();
});

test("the gallery full screen: J and K move, Space plays, Esc leaves; / searches and ? lists the keys", async ({
  page,
}) => {
  await page.setViewportSize({ width: 1440, height: 900 });
  await signUp(page);
  await generate(page, ["第一段：湖面上的晨雾", "second: a train crossing a bridge at night"]);
  const cards = page.getByTestId("generation-card");
  for (const card of await cards.all()) {
    await expect(card).toHaveAttribute("data-state", "success", { timeout: 60_000 });
  }
  await expect(cards.filter({ has: page.locator("video, img") })).toHaveCount(2);

  // `/` from anywhere on the page (not while typing) goes to the search.
  await page.locator("body").click({ position: { x: 5, y: 400 } });
  await page.keyboard.press("/");
  await expect(page.getByTestId("gallery-search")).toBeFocused();
  await page.keyboard.press("Escape");
  await page.locator("body").click({ position: { x: 5, y: 400 } });
  await page.keyboard.press("?");
  const keys = page.getByRole("dialog", { name: "Keyboard shortcuts" });
  await expect(keys).toContainText("Play or pause in the viewer");
  await page.keyboard.press("Escape");
  await expect(keys).toHaveCount(0);

  const open = page.getByRole("button", { name: "Watch the gallery full screen" });
  await open.click();
  const viewer = page.getByTestId("video-viewer");
  await expect(viewer).toBeVisible();
  // Newest first, as the gallery lists them.
  await expect(viewer.getByText("1 of 2")).toBeVisible();
  await expect(viewer.getByRole("heading")).toHaveText(
    "second: a train crossing a bridge at night",
  );
  await page.keyboard.press("j");
  await expect(viewer.getByText("2 of 2")).toBeVisible();
  await expect(viewer.getByRole("heading")).toHaveText("第一段：湖面上的晨雾");
  await page.keyboard.press("k");
  await expect(viewer.getByText("1 of 2")).toBeVisible();
  const video = viewer.getByTestId("viewer-video");
  await expect
    .poll(() => video.evaluate((v: HTMLVideoElement) => !v.paused && v.currentTime > 0), {
      timeout: 15_000,
    })
    .toBe(true);
  await page.keyboard.press(" ");
  await expect.poll(() => video.evaluate((v: HTMLVideoElement) => v.paused)).toBe(true);
  await page.keyboard.press(" ");
  await expect.poll(() => video.evaluate((v: HTMLVideoElement) => v.paused)).toBe(false);
  await page.keyboard.press("Escape");
  await expect(viewer).toHaveCount(0);
  await expect(open).toBeFocused();

  // From a card: the viewer opens at that video.
  await cards.filter({ hasText: "第一段" }).hover();
  await page.getByRole("button", { name: "Watch full screen: 第一段：湖面上的晨雾" }).click();
  await expect(viewer.getByText("2 of 2")).toBeVisible();
});
