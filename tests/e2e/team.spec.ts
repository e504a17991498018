import { type Browser, type BrowserContext, expect, type Page, test } from "./client";

// The team flow across three people: an owner, a member they invite, and someone with no account
// who only gets a link.
const PROMPT = "黄昏时分的海边灯塔，海浪拍打礁石，一群海鸥从镜头前飞过。[Truck left]";
const PASSWORD = "a long enough password";

function email(who: string): string {
  return `e2e-${who}-${Date.now()}-${Math.random().toString(36).slice(2, 8)}@example.com`;
}

async function newContext(browser: Browser, baseURL: string | undefined): Promise<BrowserContext> {
  return browser.newContext({ baseURL, viewport: { width: 1280, height: 860 } });
}

/** Fills the sign-up form the page shows and waits to leave it. */
async function fillSignUp(page: Page, who: string): Promise<void> {
  await page.getByLabel("Email").fill(email(who));
  await page.getByLabel("Password").fill(PASSWORD);
  await page.getByRole("button", { name: "Create account" }).click();
  await page.waitForURL((url) => !url.pathname.startsWith("/sign-up"));
}

async function expectPlays(page: Page, testId: string): Promise<void> {
  const video = page.getByTestId(testId).first();
  await expect(video).toBeVisible();
  // Muted, so the browser lets it start without a gesture; then it must really advance.
  await video.evaluate(async (v: HTMLVideoElement) => {
    v.muted = true;
    await v.play();
  });
  await expect
    .poll(() => video.evaluate((v: HTMLVideoElement) => v.readyState), { timeout: 30_000 })
    .toBeGreaterThanOrEqual(2);
  expect(await video.evaluate((v: HTMLVideoElement) => v.duration)).toBeGreaterThan(0);
  await expect
    .poll(() => video.evaluate((v: HTMLVideoElement) => v.currentTime), { timeout: 15_000 })
    .toBeGreaterThan(0);
}

test("owner invites a member, the member generates, the owner shares it, a stranger watches, the owner revokes", async ({
  browser,
}, testInfo) => {
  test.setTimeout(180_000);
  const baseURL = testInfo.project.use.baseURL;
  const ownerCtx = await newContext(browser, baseURL);
  const memberCtx = await newContext(browser, baseURL);
  const strangerCtx = await newContext(browser, baseURL);
  const owner = await ownerCtx.newPage();
  const member = await memberCtx.newPage();
  const stranger = await strangerCtx.newPage();

  // 1. The owner signs up and creates a team workspace.
  await owner.goto("/sign-up");
  await fillSignUp(owner, "owner");
  await owner.waitForURL(/\/w\/[^/]+$/);
  await owner.goto("/w/new");
  await owner.getByLabel("Name", { exact: true }).fill("海边工作室 Seaside");
  await owner.getByRole("button", { name: "Create workspace" }).click();
  await owner.waitForURL(/\/w\/[^/]+\/settings\/members$/);
  const slug = decodeURIComponent(new URL(owner.url()).pathname.split("/")[2] ?? "");
  expect(slug).not.toBe("");

  // 2. …and makes an invite link for a member.
  await owner.getByRole("combobox", { name: "Role", exact: true }).click();
  await owner.getByRole("option", { name: "Member" }).click();
  await owner.getByRole("button", { name: "Create invite link" }).click();
  const inviteUrl = await owner.getByLabel("Invite link").inputValue();
  expect(inviteUrl).toMatch(/\/invite\/[^/]+$/);
  const invitePath = new URL(inviteUrl).pathname;

  // 3. The member opens it with no account, signs up from it, and joins.
  await member.goto(invitePath);
  await expect(member.getByRole("heading", { name: "海边工作室 Seaside" })).toBeVisible();
  await member.getByRole("link", { name: "Create an account to join" }).click();
  await member.waitForURL(/\/sign-up/);
  await expect(member.getByText("Create an account to join 海边工作室 Seaside.")).toBeVisible();
  await fillSignUp(member, "member");
  await member.waitForURL((url) => url.pathname === invitePath);
  await member.getByRole("button", { name: "Join workspace" }).click();
  await member.waitForURL((url) => url.pathname === `/w/${encodeURIComponent(slug)}`);

  // The owner opening the same link is told they are in already, and goes to the gallery from
  // there to watch the member work; a link that was never made is a 404.
  await owner.goto(invitePath);
  await expect(owner.getByText("You’re already a member of")).toBeVisible();
  await expect(owner.getByRole("button", { name: "Join workspace" })).toHaveCount(0);
  expect((await owner.request.get("/invite/not-a-real-invite-token")).status()).toBe(404);
  await owner.getByRole("link", { name: "Open workspace" }).click();
  await owner.waitForURL((url) => url.pathname === `/w/${encodeURIComponent(slug)}`);
  await expect(owner.getByRole("heading", { name: "Videos", exact: true })).toBeVisible();

  // 4. The member generates from a Chinese prompt.
  await member.getByLabel("Prompt", { exact: true }).fill(PROMPT);
  await member.getByRole("button", { name: "Generate" }).click();
  const memberCard = member.getByTestId("generation-card").first();
  await expect(memberCard).toContainText("黄昏时分的海边灯塔");

  // 5. The owner sees it appear and finish live, without reloading.
  const ownerCard = owner.getByTestId("generation-card").filter({ hasText: "黄昏时分的海边灯塔" });
  await expect(ownerCard).toBeVisible({ timeout: 15_000 });
  await expect(ownerCard).toHaveAttribute("data-state", "success", { timeout: 90_000 });
  await expect(ownerCard.locator("img")).toBeVisible({ timeout: 30_000 });

  // 6. The owner opens it and shares it, with download allowed.
  await ownerCard.click();
  await owner.waitForURL(/\/g\/[^/]+$/);
  await expect(owner.getByTestId("generation-video")).toBeVisible();
  await owner.getByRole("button", { name: "Share", exact: true }).click();
  const dialog = owner.getByRole("dialog", { name: "Share this video" });
  await expect(dialog).toBeVisible();
  const download = dialog.getByRole("switch", { name: "Allow download" });
  if ((await download.getAttribute("aria-checked")) !== "true") await download.click();
  await expect(download).toHaveAttribute("aria-checked", "true");
  await dialog.getByRole("button", { name: "Create link" }).click();
  const shareUrl = await dialog.getByTestId("share-url").inputValue();
  expect(shareUrl).toMatch(/\/s\/[A-Za-z0-9_-]{43}$/);
  const sharePath = new URL(shareUrl).pathname;

  // 7. Someone signed out opens the link: the video plays, on a desktop and on a phone.
  const opened = await stranger.goto(sharePath);
  expect(opened?.status()).toBe(200);
  await expectPlays(stranger, "shared-video");
  await expect(stranger.getByRole("link", { name: "Download" })).toBeVisible();
  // A visitor without an account can read the page in Chinese, and switch back.
  await stranger.getByRole("button", { name: "中文" }).click();
  await expect(stranger.getByRole("link", { name: "下载" })).toBeVisible();
  await expect(stranger.getByRole("heading", { name: "提示词" })).toBeVisible();
  await stranger.getByRole("button", { name: "English" }).click();
  await expect(stranger.getByRole("link", { name: "Download" })).toBeVisible();
  await stranger.screenshot({ path: testInfo.outputPath("shared-desktop.png"), fullPage: true });
  await stranger.setViewportSize({ width: 390, height: 844 });
  await stranger.reload();
  await expectPlays(stranger, "shared-video");
  await stranger.screenshot({ path: testInfo.outputPath("shared-phone.png"), fullPage: true });
  const videoSrc = await stranger.getByTestId("shared-video").getAttribute("src");
  expect(videoSrc).toMatch(/^\/api\/s\//);
  expect((await stranger.request.get(videoSrc ?? "")).status()).toBe(200);

  // 8. The owner revokes the link from the same dialog.
  const row = dialog.getByTestId("share-link-row");
  await expect(row).toHaveCount(1);
  const revoke = row.getByRole("button", { name: "Revoke" });
  await revoke.click();
  // Revoking can't be undone, so it asks once more, starting on the safe answer. Escape takes
  // the question back — only the question, not the share dialog — and focus returns to Revoke.
  const question = owner.getByRole("alertdialog", { name: "Revoke this link?" });
  await expect(question.getByRole("button", { name: "Cancel" })).toBeFocused();
  await owner.keyboard.press("Escape");
  await expect(question).toHaveCount(0);
  await expect(revoke).toBeFocused();
  await expect(dialog).toBeVisible();
  await revoke.click();
  await question.getByRole("button", { name: "Yes, revoke" }).click();
  await expect(dialog.getByText("No active links.")).toBeVisible();

  // 9. The stranger reloads: the link is dead — page and video alike.
  const dead = await stranger.reload();
  expect(dead?.status()).toBe(404);
  await expect(stranger.getByRole("heading", { name: /isn.t available/ })).toBeVisible();
  await expect(stranger.getByTestId("shared-video")).toHaveCount(0);
  expect((await stranger.request.get(videoSrc ?? "")).status()).toBe(404);
  await stranger.screenshot({ path: testInfo.outputPath("revoked-phone.png"), fullPage: true });

  // 10. A password-protected link: locked until the right password, then it plays — page and
  // video alike, which live under different paths.
  await dialog.getByRole("button", { name: "Make another" }).click();
  await dialog.getByLabel("Password (optional)").fill("open sesame 2026");
  await dialog.getByRole("button", { name: "Create link" }).click();
  await expect(dialog.getByTestId("share-link-row")).toHaveCount(1);
  const lockedPath = new URL(await dialog.getByTestId("share-url").inputValue()).pathname;
  expect(lockedPath).not.toBe(sharePath);
  await stranger.goto(lockedPath);
  await expect(
    stranger.getByRole("heading", { name: "This link is password-protected" }),
  ).toBeVisible();
  await expect(stranger.getByTestId("shared-video")).toHaveCount(0);
  await stranger.getByLabel("Password", { exact: true }).fill("not the password");
  await stranger.getByRole("button", { name: "Unlock" }).click();
  await expect(stranger.getByText("That password isn’t right.")).toBeVisible();
  await stranger.getByLabel("Password", { exact: true }).fill("open sesame 2026");
  await stranger.getByRole("button", { name: "Unlock" }).click();
  await expectPlays(stranger, "shared-video");
  await stranger.reload();
  await expectPlays(stranger, "shared-video");
  await stranger.screenshot({ path: testInfo.outputPath("unlocked-phone.png"), fullPage: true });

  // 11. Views count page loads in a browser where the link opened: the first link's two (its
  // language switches and the dead page after revoking counted nothing), and the protected
  // link's two after unlocking (the locked page counted nothing).
  // (Reloaded until then: a browser reports its view just after the page has loaded.)
  await owner.goto(`/w/${encodeURIComponent(slug)}/shares`);
  const revokedRow = owner.locator('[data-testid="share-link-row"][data-status="revoked"]');
  const activeRow = owner.locator('[data-testid="share-link-row"][data-status="active"]');
  await expect(async () => {
    await owner.reload();
    await owner.getByRole("tab", { name: "All" }).click();
    await expect(revokedRow).toContainText(/(?<!\d)2 views/, { timeout: 1000 });
    await expect(activeRow).toContainText(/(?<!\d)2 views/, { timeout: 1000 });
  }).toPass({ timeout: 15_000 });

  await Promise.all([ownerCtx.close(), memberCtx.close(), strangerCtx.close()]);
});
