import { checkBothThemes } from "./axe";
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

/** Plays the tab being hidden or shown again, as switching tabs does. */
async function setTabHidden(page: Page, hidden: boolean): Promise<void> {
  await page.evaluate((hide) => {
    Object.defineProperty(document, "visibilityState", {
      configurable: true,
      get: () => (hide ? "hidden" : "visible"),
    });
    document.dispatchEvent(new Event("visibilitychange"));
  }, hidden);
}

test("a video that ends is named in a notice with View, and counted in the title while the tab is hidden", async ({
  page,
}) => {
  await page.setViewportSize({ width: 1440, height: 900 });
  await page.goto("/sign-up");
  await page.getByLabel("Email").fill(`e2e-finished-${Date.now()}@example.com`);
  await page.getByLabel("Password").fill("a long enough password");
  await page.getByRole("button", { name: "Create account" }).click();
  await page.waitForURL(/\/w\/[^/]+$/);
  await expect(page).toHaveTitle(/Hailuo Studio$/);
  const title = await page.title();

  await setTabHidden(page, true);
  await page.getByLabel("Prompt", { exact: true }).fill("一只白鹭掠过稻田，清晨薄雾");
  await page.getByRole("button", { name: "Generate" }).click();
  await page
    .getByLabel("Prompt", { exact: true })
    .fill("a paper lantern drifting, this one fails [sim:fail]");
  await page.getByRole("button", { name: "Generate" }).click();

  const ready = page.getByTestId("notice").filter({ hasText: "Ready: 一只白鹭掠过稻田，清晨薄雾" });
  await expect(ready).toBeVisible({ timeout: 60_000 });
  const failed = page
    .getByTestId("notice")
    .filter({ hasText: "Failed: a paper lantern drifting, this one fails" });
  await expect(failed).toBeVisible({ timeout: 60_000 });
  await expect(failed).toHaveAttribute("data-tone", "error");
  // Two ended while nobody looked.
  await expect(page).toHaveTitle(`(2) ${title}`);
  // Looking clears the count.
  await setTabHidden(page, false);
  await expect(page).toHaveTitle(title);

  // View opens the video.
  await ready.getByRole("link", { name: "View" }).click();
  await page.waitForURL(/\/g\/[^/]+$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("一只白鹭掠过稻田，清晨薄雾");
});

test("a shot of several takes is told once, when its last take ends, and not over an open menu", async ({
  page,
}) => {
  await page.setViewportSize({ width: 1440, height: 900 });
  await page.goto("/sign-up");
  await page.getByLabel("Email").fill(`e2e-shot-word-${Date.now()}@example.com`);
  await page.getByLabel("Password").fill("a long enough password");
  await page.getByRole("button", { name: "Create account" }).click();
  await page.waitForURL(/\/w\/[^/]+$/);
  await expect(page).toHaveTitle(/Hailuo Studio$/);
  const title = await page.title();

  await setTabHidden(page, true);
  await page
    .getByRole("group", { name: "Takes", exact: true })
    .getByText("2", { exact: true })
    .click();
  await page.getByLabel("Prompt", { exact: true }).fill("两只纸鹤在风中盘旋");
  await page.getByRole("button", { name: "Generate" }).click();
  // A menu is open when the takes end: the word waits, so Escape still closes the menu.
  await page.getByRole("button", { name: /^Theme: / }).click();
  await expect(page.getByRole("menu")).toBeVisible();
  await expect(
    page.locator('[data-testid="take-strip"] button[aria-label$=", Ready"]'),
  ).toHaveCount(2, { timeout: 60_000 });
  await expect(page).toHaveTitle(`(2) ${title}`);
  await expect(page.getByTestId("notice")).toHaveCount(0);
  await page.keyboard.press("Escape");
  await expect(page.getByRole("menu")).toHaveCount(0);

  const word = page
    .getByTestId("notice")
    .filter({ hasText: "2 takes of 2 ready: 两只纸鹤在风中盘旋" });
  await expect(word).toBeVisible();
  await expect(page.getByTestId("notice")).toHaveCount(1);
  await setTabHidden(page, false);
  await expect(page).toHaveTitle(title);
  // View opens the shot, its takes side by side.
  await word.getByRole("link", { name: "View" }).click();
  await page.waitForURL(/\/shots\/[^/]+$/);
  await expect(page.getByTestId("take-video")).toHaveCount(2);
});

/**
 * The browser's Notification and audio, watched: each notification made and each chime note
 * played is recorded; the permission starts unasked ("default") and is granted when asked.
 */
async function watchNotifications(page: Page): Promise<void> {
  await page.addInitScript(() => {
    const record = window as unknown as {
      __notes: { title: string; body: string }[];
      __asked: number;
      __tones: number;
    };
    record.__notes = [];
    record.__asked = 0;
    record.__tones = 0;
    // The browser remembers its answer across reloads.
    let permission = (localStorage.getItem("watched-permission") ??
      "default") as NotificationPermission;
    class WatchedNotification {
      static get permission() {
        return permission;
      }
      static async requestPermission() {
        record.__asked += 1;
        permission = "granted";
        localStorage.setItem("watched-permission", permission);
        return permission;
      }
      onclick: (() => void) | null = null;
      constructor(title: string, options?: { body?: string }) {
        record.__notes.push({ title, body: options?.body ?? "" });
      }
      close() {}
    }
    Object.defineProperty(window, "Notification", { value: WatchedNotification });
    const createOscillator = AudioContext.prototype.createOscillator;
    AudioContext.prototype.createOscillator = function (this: AudioContext) {
      record.__tones += 1;
      return createOscillator.call(this);
    };
  });
}

const watched = (page: Page) =>
  page.evaluate(() => {
    const r = window as unknown as {
      __notes: { title: string; body: string }[];
      __asked: number;
      __tones: number;
    };
    return { notes: r.__notes, asked: r.__asked, tones: r.__tones };
  });

test("a browser notification and a chime, turned on by the person, tell of a video that ends while the tab is hidden", async ({
  page,
}, info) => {
  await watchNotifications(page);
  await page.setViewportSize({ width: 1440, height: 900 });
  await page.goto("/sign-up");
  await page.getByLabel("Email").fill(`e2e-notify-${Date.now()}@example.com`);
  await page.getByLabel("Password").fill("a long enough password");
  await page.getByRole("button", { name: "Create account" }).click();
  await page.waitForURL(/\/w\/[^/]+$/);
  // Nothing is asked on page load.
  expect((await watched(page)).asked).toBe(0);

  await page.getByRole("button", { name: "Notices" }).click();
  const settings = page.getByRole("dialog", { name: "When a video is done" });
  const browser = settings.getByRole("switch", { name: "Show a notification" });
  const sound = settings.getByRole("switch", { name: "Play a sound" });
  await expect(browser).toHaveAttribute("aria-checked", "false");
  await browser.click();
  await expect(browser).toHaveAttribute("aria-checked", "true");
  expect((await watched(page)).asked).toBe(1);
  await sound.click();
  await expect(sound).toHaveAttribute("aria-checked", "true");
  // Turning the sound on plays it once, so the person knows what to listen for.
  await expect.poll(async () => (await watched(page)).tones).toBe(2);
  await page.screenshot({ path: info.outputPath("notice-settings-desktop.png") });
  await page.setViewportSize({ width: 390, height: 844 });
  await page.screenshot({ path: info.outputPath("notice-settings-phone.png") });
  await page.setViewportSize({ width: 1440, height: 900 });

  // They are the person's settings: still on after a reload.
  await page.reload();
  await page.getByRole("button", { name: "Notices" }).click();
  await expect(settings.getByRole("switch", { name: "Play a sound" })).toHaveAttribute(
    "aria-checked",
    "true",
  );
  await expect(settings.getByRole("switch", { name: "Show a notification" })).toHaveAttribute(
    "aria-checked",
    "true",
  );
  await page.keyboard.press("Escape");
  const found: string[] = [];
  await checkBothThemes(page, "notice settings", found, () =>
    page.getByRole("button", { name: "Notices" }).click(),
  );
  expect(found).toEqual([]);

  // While the tab is visible the page says it; hidden, the notification and the chime too.
  await page.getByLabel("Prompt", { exact: true }).fill("窗外的雨滴落在玻璃上");
  await page.getByRole("button", { name: "Generate" }).click();
  await expect(page.getByTestId("notice").filter({ hasText: "Ready: 窗外的雨滴" })).toBeVisible({
    timeout: 60_000,
  });
  expect((await watched(page)).notes).toEqual([]);

  await setTabHidden(page, true);
  await page.getByLabel("Prompt", { exact: true }).fill("a heron lifting off a misty lake");
  await page.getByRole("button", { name: "Generate" }).click();
  await expect
    .poll(async () => (await watched(page)).notes, { timeout: 60_000 })
    .toEqual([{ title: "Hailuo Studio", body: "Ready: a heron lifting off a misty lake" }]);
  // Two notes of one chime (the count started again with the reload).
  expect((await watched(page)).tones).toBe(2);
});
