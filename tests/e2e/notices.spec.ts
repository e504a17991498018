import { expect, type Page, test } from "./client";

// Short notices ("Prompt copied", "Video deleted") as toasts: announced, gone by themselves,
// dismissable; copying works on a plain-http studio too, and says so when the browser refuses.

const PROMPT = "灯塔下的渔船，黄昏，缓慢推镜 — a fishing boat under a lighthouse at dusk";

async function videoPage(page: Page): Promise<void> {
  await page.goto("/sign-up");
  await page
    .getByLabel("Email")
    .fill(`e2e-notices-${Date.now()}-${Math.random().toString(36).slice(2, 8)}@example.com`);
  await page.getByLabel("Password").fill("a long enough password");
  await page.getByRole("button", { name: "Create account" }).click();
  await page.waitForURL(/\/w\/[^/]+$/);
  await page.getByLabel("Prompt", { exact: true }).fill(PROMPT);
  await page.getByRole("button", { name: "Generate" }).click();
  const card = page.getByTestId("generation-card").first();
  await expect(card).toHaveAttribute("data-state", "success", { timeout: 60_000 });
  await card.getByRole("link").first().click();
  await page.waitForURL(/\/g\/[^/]+$/);
}

const clipboard = (page: Page) => page.evaluate(() => navigator.clipboard.readText());

test("copying the prompt says so in a notice that leaves by itself or on Dismiss", async ({
  page,
  context,
}) => {
  await context.grantPermissions(["clipboard-read", "clipboard-write"]);
  await videoPage(page);
  // The video's own "Ready" notice may still be up; these are about copying.
  const notices = page.getByTestId("notice").filter({ hasText: "Prompt copied." });

  await page.getByRole("button", { name: "Copy prompt" }).click();
  await expect(notices).toHaveText("Prompt copied.");
  await expect(notices).toHaveAttribute("data-tone", "success");
  expect(await clipboard(page)).toBe(PROMPT);
  // In a labelled region a keyboard reaches with F8.
  await expect(page.getByRole("region", { name: "Notifications (F8)" })).toBeAttached();
  // A second press while it shows starts it over rather than stacking a copy.
  await page.getByRole("button", { name: "Copy prompt" }).click();
  await expect(notices).toHaveCount(1);
  // Gone by itself…
  await expect(notices).toHaveCount(0, { timeout: 10_000 });
  // …or at once on Dismiss.
  await page.getByRole("button", { name: "Copy prompt" }).click();
  await notices.getByRole("button", { name: "Dismiss" }).click();
  await expect(notices).toHaveCount(0);
});

test("on plain http the prompt is still copied, and a refusal says to copy by hand", async ({
  page,
  context,
}) => {
  await context.grantPermissions(["clipboard-read", "clipboard-write"]);
  await videoPage(page);
  // As a studio served over http on a local network: no Clipboard API for the page.
  await page.evaluate(() => Object.defineProperty(window, "isSecureContext", { value: false }));
  await page.evaluate(() => navigator.clipboard.writeText("something else"));
  await page.getByRole("button", { name: "Copy prompt" }).click();
  await expect(page.getByTestId("notice").filter({ hasText: "Prompt copied." })).toBeVisible();
  expect(await clipboard(page)).toBe(PROMPT);
  await expect(page.getByRole("button", { name: "Copy prompt" })).toBeFocused();

  // A browser that will not copy at all: an error notice, and nothing claimed.
  await page.evaluate(() => {
    document.execCommand = () => false;
  });
  await page.getByRole("button", { name: "Copy prompt" }).click();
  const failed = page.getByTestId("notice").filter({ hasText: "Couldn’t copy" });
  await expect(failed).toHaveText("Couldn’t copy. Select the text and copy it yourself.");
  await expect(failed).toHaveAttribute("data-tone", "error");
});
