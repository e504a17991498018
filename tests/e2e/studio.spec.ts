import AxeBuilder from "@axe-core/playwright";
import { expect, type Page, test } from "./client";

const PROMPT =
  "高俯角宽景跟拍镜头，一个穿粉色T恤的小男孩在侏罗纪山谷上空滑翔，远处火山连绵，蓝天白云。😀 [Push in]";

async function signUp(page: Page): Promise<void> {
  await page.goto("/sign-up");
  await page.getByLabel("Email").fill(`e2e-${Date.now()}@example.com`);
  await page.getByLabel("Password").fill("a long enough password");
  await page.getByRole("button", { name: "Create account" }).click();
  await page.waitForURL(/\/w\/[^/]+$/);
}

test("sign up, generate from a Chinese prompt, watch it land, play it, and find it after a reload", async ({
  page,
}, testInfo) => {
  await page.setViewportSize({ width: 1280, height: 860 });
  await signUp(page);

  const prompt = page.getByLabel("Prompt", { exact: true });
  await prompt.fill(PROMPT);
  // UTF-16 code units: each CJK character counts 1, the emoji 2.
  await expect(page.getByText(`${PROMPT.length} / 1500`)).toBeVisible();
  expect(PROMPT.length).toBe([...PROMPT].length + 1);
  await expect(page.getByRole("switch", { name: "Prompt optimizer" })).toHaveAttribute(
    "aria-checked",
    "true",
  );
  await page.screenshot({ path: testInfo.outputPath("editor.png"), fullPage: true });

  await page.getByRole("button", { name: "Generate" }).click();
  const card = page.getByTestId("generation-card").first();
  await expect(card).toBeVisible();
  await expect(card).toContainText("高俯角宽景跟拍镜头");

  // The card moves through kie.ai's states without a reload.
  const seen = new Set<string>();
  await expect(async () => {
    const state = (await card.getAttribute("data-state")) ?? "";
    seen.add(state);
    expect(state).toBe("success");
  }).toPass({ timeout: 60_000, intervals: [250] });
  expect(
    [...seen].some((s) => ["submitting", "waiting", "queuing", "generating"].includes(s)),
  ).toBe(true);
  await expect(card.locator("img")).toBeVisible({ timeout: 30_000 });
  await page.screenshot({ path: testInfo.outputPath("gallery.png"), fullPage: true });

  await card.click();
  const video = page.getByTestId("generation-video");
  await expect(video).toBeVisible();
  await expect
    .poll(() => video.evaluate((v: HTMLVideoElement) => v.readyState), { timeout: 30_000 })
    .toBeGreaterThanOrEqual(2);
  expect(await video.evaluate((v: HTMLVideoElement) => v.duration)).toBeGreaterThan(0);
  await expect(page.getByText(PROMPT).first()).toBeVisible();
  await page.screenshot({ path: testInfo.outputPath("detail.png"), fullPage: true });
  // The player streams from a signed link, answered by the production server's media door…
  const playing = () => video.evaluate((v: HTMLVideoElement) => new URL(v.currentSrc).pathname);
  const link = await video.evaluate((v: HTMLVideoElement) => v.currentSrc);
  expect(new URL(link).pathname).toMatch(/^\/media\/[^/]+\/[^/]+\/video\.mp4$/);
  // …and when that link fails (a page left open past its expiry), it carries on from the
  // member route.
  const mediaLinks = (url: URL) => url.pathname.startsWith("/media/");
  await page.route(mediaLinks, (route) => route.fulfill({ status: 403, body: "{}" }));
  await page.reload();
  await expect
    .poll(() => video.evaluate((v: HTMLVideoElement) => v.readyState), { timeout: 30_000 })
    .toBeGreaterThanOrEqual(2);
  expect(await playing()).toMatch(/^\/api\/w\/[^/]+\/generations\/[^/]+\/video$/);
  await page.unroute(mediaLinks);

  await page.goto(new URL(page.url()).pathname.replace(/\/g\/[^/]+$/, ""));
  await expect(page.getByTestId("generation-card").first()).toHaveAttribute(
    "data-state",
    "success",
  );
  await expect(page.getByTestId("generation-card").first()).toContainText("高俯角宽景跟拍镜头");

  // Deleted, its signed link stops answering at once, though it has not expired.
  expect((await page.request.get(link, { headers: { range: "bytes=0-99" } })).status()).toBe(206);
  await page.getByTestId("generation-card").first().getByRole("link").first().click();
  await page.getByRole("button", { name: "Delete video" }).click();
  await page.getByRole("button", { name: "Yes, delete" }).click();
  await page.waitForURL(/\/w\/[^/]+$/);
  expect((await page.request.get(link, { headers: { range: "bytes=0-99" } })).status()).toBe(404);
});

test("the editor refuses an empty or over-long prompt, and the draft survives a reload", async ({
  page,
}) => {
  await signUp(page);
  const prompt = page.getByLabel("Prompt", { exact: true });
  const generate = page.getByRole("button", { name: "Generate" });
  await expect(generate).toBeDisabled();
  await prompt.fill("   ");
  await expect(generate).toBeDisabled();
  await prompt.fill("字".repeat(1500));
  await expect(page.getByText("1500 / 1500")).toBeVisible();
  await expect(generate).toBeEnabled();
  await prompt.fill("字".repeat(1501));
  await expect(page.getByText("1501 / 1500")).toBeVisible();
  await expect(generate).toBeDisabled();

  await prompt.fill("草稿：清晨的竹林");
  await page.reload();
  await expect(page.getByLabel("Prompt", { exact: true })).toHaveValue("草稿：清晨的竹林");
});

test("pages at phone width", async ({ page }, testInfo) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto("/sign-up");
  await page.screenshot({ path: testInfo.outputPath("sign-up-phone.png"), fullPage: true });
  await signUp(page);
  // On a phone the editor starts as a bar above the videos.
  await page.getByRole("button", { name: /New video/ }).click();
  await page.getByLabel("Prompt", { exact: true }).fill("晨雾中的古镇石桥 [Static shot]");
  await page.screenshot({ path: testInfo.outputPath("studio-phone.png"), fullPage: true });
});

test("collections on a phone: made from a card, opened as a named gallery, left again; an empty one says so", async ({
  page,
}, testInfo) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await signUp(page);
  // Nothing to filter yet: the empty gallery shows no filter bar.
  await expect(page.getByText("No videos yet")).toBeVisible();
  await expect(page.getByTestId("filter-bar")).toHaveCount(0);

  // Long: a shared collection's poster shows its first words, the viewer the rest.
  const prompt = `江南水乡的清晨，薄雾笼罩着石桥，${"乌篷船缓缓划过倒映着白墙黛瓦的河面，".repeat(6)}镜头缓慢推进`;
  await page.getByRole("button", { name: /New video/ }).click();
  await page.getByLabel("Prompt", { exact: true }).fill(prompt);
  await page.getByRole("button", { name: "Generate" }).click();
  const card = page.getByTestId("generation-card").first();
  await expect(card).toHaveAttribute("data-state", "success", { timeout: 60_000 });
  await expect(page.getByTestId("filter-bar")).toBeVisible();

  // The card's menu makes a collection with this video in it.
  await card.getByTestId("collection-menu-button").click();
  await page.getByLabel("New collection name").fill("江南 · 精选");
  await page.getByRole("button", { name: "Create", exact: true }).click();
  const menu = page.getByRole("dialog", { name: "Add to collection" });
  await expect(menu.getByRole("checkbox", { name: /江南 · 精选/ })).toBeChecked();
  // Real checkboxes in a labelled popover: nothing for axe to object to.
  const audit = await new AxeBuilder({ page }).include('[role="dialog"]').analyze();
  expect(audit.violations.map((v) => `${v.id}: ${v.help}`)).toEqual([]);
  // Escape closes the menu and gives focus back to its button; from the keyboard it opens
  // with focus on its first collection, and the arrow keys go on to the name field.
  const menuButton = card.getByTestId("collection-menu-button");
  await page.keyboard.press("Escape");
  await expect(menuButton).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(menu.getByRole("checkbox", { name: /江南 · 精选/ })).toBeFocused();
  await page.keyboard.press("ArrowDown");
  await expect(page.getByLabel("New collection name")).toBeFocused();
  await page.keyboard.press("Escape");
  await expect(menu).toHaveCount(0);

  // An empty one, made on the Collections page.
  await page.getByRole("link", { name: "Collections" }).click();
  await page.getByLabel("New collection name").fill("Empty for now");
  await page.getByRole("button", { name: "Create collection" }).click();
  await expect(page.getByTestId("collection-row")).toHaveCount(2);

  // Opening one shows the gallery filtered to it, under its name.
  await page
    .getByTestId("collection-row")
    .filter({ hasText: "江南 · 精选" })
    .getByRole("link", { name: "Open" })
    .click();
  await page.waitForURL(/collection=/);
  const banner = page.getByTestId("collection-banner");
  await expect(banner).toContainText("江南 · 精选");
  await expect(page.getByTestId("generation-card")).toHaveCount(1);
  await page.screenshot({ path: testInfo.outputPath("collection-phone.png") });

  // Shared from the banner, the collection opens signed out as a wall of posters; a poster opens
  // the full-screen viewer, which Esc leaves.
  await banner.getByRole("button", { name: "Share", exact: true }).click();
  const dialog = page.getByRole("dialog", { name: "Share this collection" });
  await dialog.getByRole("button", { name: "Create link" }).click();
  const sharePath = new URL(await dialog.getByTestId("share-url").inputValue()).pathname;
  await dialog.getByRole("button", { name: "Close" }).first().click();
  const visitor = await page
    .context()
    .browser()
    ?.newPage({ viewport: { width: 390, height: 844 } });
  if (!visitor) throw new Error("no browser to open the shared collection in");
  expect((await visitor.goto(new URL(sharePath, page.url()).href))?.status()).toBe(200);
  const tile = visitor.getByRole("button", { name: /^Play: 江南水乡的清晨/ });
  await expect(tile).toBeVisible();
  await tile.click();
  const viewer = visitor.getByRole("dialog", { name: /^江南水乡的清晨/ });
  await expect(viewer.getByTestId("viewer-video")).toBeVisible();
  await expect(viewer.getByText("1 of 1")).toBeVisible();
  await visitor.keyboard.press("Escape");
  await expect(viewer).toHaveCount(0);
  await expect(tile).toBeFocused();
  await visitor.close();
  await banner.getByRole("link", { name: "All videos" }).click();
  await expect(page).not.toHaveURL(/collection=/);
  await expect(banner).toHaveCount(0);

  await page.goBack();
  await page.getByRole("link", { name: "Collections" }).click();
  await page
    .getByTestId("collection-row")
    .filter({ hasText: "Empty for now" })
    .getByRole("link", { name: "Open" })
    .click();
  await expect(page.getByTestId("collection-banner")).toContainText("Empty for now");
  await expect(page.getByText("Nothing in this collection yet")).toBeVisible();
});

test("in Chinese, a refused submission and an unsaved video say why in Chinese, and offer Retry", async ({
  page,
}) => {
  await signUp(page);
  await page.getByRole("button", { name: "中文" }).click();
  const prompt = page.getByLabel("提示词", { exact: true });
  const generate = page.getByRole("button", { name: "生成" });

  await prompt.fill("海边的日落 [sim:402]");
  await generate.click();
  // Refused on the spot: the editor says so and keeps the prompt; the card says why, and only
  // the card.
  await expect(page.getByText("kie.ai 没有接受这次生成；提示词仍保留在这里。")).toBeVisible();
  await expect(prompt).toHaveValue("海边的日落 [sim:402]");
  const refused = page.getByTestId("generation-card").filter({ hasText: "海边的日落" });
  await expect(refused.getByTestId("generation-problem")).toHaveText(
    "视频未能提交给 kie.ai，未扣积分。kie.ai 账户积分不足。请先在 kie.ai 充值，然后重试。",
  );
  await expect(page.getByText(/积分不足/)).toHaveCount(1);
  await expect(refused.getByRole("button", { name: "重试" })).toBeVisible();

  await prompt.fill("竹林里的萤火虫 [sim:badtype]");
  await generate.click();
  const unsaved = page.getByTestId("generation-card").filter({ hasText: "竹林里的萤火虫" });
  await expect(unsaved.getByTestId("generation-problem")).toHaveText(
    "视频已生成，但保存失败。该链接指向的不是视频。",
    { timeout: 60_000 },
  );
  // Retry fetches it again in place, without a new card (the simulator serves this one as a web
  // page every time, so it ends the same way).
  const retry = unsaved.getByRole("button", { name: "重试" });
  // Server actions post to the page's own address; the answer is read on its way through.
  let answer = "";
  await page.route(page.url(), async (route) => {
    if (!route.request().headers()["next-action"]) return route.fallback();
    const response = await route.fetch();
    answer = await response.text();
    await route.fulfill({ response, body: answer });
  });
  await retry.click();
  // The server queued the copy again: the retried video is back to waiting to be saved.
  await expect.poll(() => answer).toContain('"media":{"state":"pending"');
  await expect(unsaved.getByRole("alert")).toHaveCount(0);
  await expect(unsaved.getByTestId("generation-problem")).toHaveText(
    "视频已生成，但保存失败。该链接指向的不是视频。",
    { timeout: 60_000 },
  );
  await expect(page.getByTestId("generation-card")).toHaveCount(2);

  // The refused one is deleted from its page, after a second press, and the gallery goes on
  // without it.
  await refused.getByRole("link", { name: /海边的日落/ }).click();
  await page.waitForURL(/\/g\/[^/]+$/);
  // The same page open in another tab learns of the deletion live.
  const otherTab = await page.context().newPage();
  await otherTab.goto(page.url());
  await expect(otherTab.getByTestId("generation-detail")).toBeVisible();
  await page.getByRole("button", { name: "删除视频" }).click();
  await page.getByRole("button", { name: "确认删除" }).click();
  await page.waitForURL(/\/w\/[^/]+$/);
  // Back in the gallery, it says so, with focus at the top of the videos.
  await expect(page.getByTestId("notice").filter({ hasText: "视频已删除。" })).toBeVisible();
  await expect(page.getByRole("heading", { name: "视频", exact: true })).toBeFocused();
  await expect(page.getByTestId("generation-card")).toHaveCount(1);
  await expect(page.getByTestId("generation-card")).toContainText("竹林里的萤火虫");
  await expect(otherTab.getByText("此视频已被删除")).toBeVisible();
  // …and says the same when opened again later, rather than "not found".
  await otherTab.reload();
  await expect(otherTab.getByRole("heading", { name: "此视频已被删除" })).toBeVisible();
  await otherTab.close();

  // A failure can also be cleared away from its card, without opening it.
  const left = page.getByTestId("generation-card").first();
  await left.getByRole("button", { name: "删除视频" }).click();
  await page.getByRole("alertdialog").getByRole("button", { name: "确认删除" }).click();
  await expect(page.getByTestId("generation-card")).toHaveCount(0);
});

test("Generate over the workspace's budget is refused with the figures, and an admin is linked to the budget", async ({
  page,
}, testInfo) => {
  await signUp(page);
  const gallery = new URL(page.url()).pathname;
  await page.goto(`${gallery}/settings/kie`);
  const limit = page.getByLabel("Workspace budget (credits per month)");
  const budgetForm = page.locator("form").filter({ has: limit });
  await limit.fill("10");
  await expect(budgetForm.getByText(/Less than one video/)).toBeVisible();
  await budgetForm.getByRole("button", { name: "Save" }).click();
  await expect(budgetForm.getByText("Saved.", { exact: true })).toBeVisible();

  await page.goto(gallery);
  const prompt = page.getByLabel("Prompt", { exact: true });
  await prompt.fill("海边的灯塔，暴风雨将至");
  await page.getByRole("button", { name: "Generate" }).click();
  const refusal = page.getByRole("alert").filter({ hasText: "monthly budget" });
  await expect(refusal).toContainText("monthly budget of 10 credits");
  // Nothing was started, and the prompt is still there to send once the budget allows.
  await expect(page.getByTestId("generation-card")).toHaveCount(0);
  await expect(prompt).toHaveValue("海边的灯塔，暴风雨将至");
  await refusal.screenshot({ path: testInfo.outputPath("budget-refusal.png") });
  await refusal.getByRole("link", { name: "Open kie.ai & budget" }).click();
  await page.waitForURL(/\/settings\/kie$/);
  await expect(page.getByLabel("Workspace budget (credits per month)")).toHaveValue("10");
});
