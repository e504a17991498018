import { checkBothThemes } from "./axe";
import { expect, type Page, test } from "./client";

// Every page, and every state that opens something, checked by axe-core against WCAG 2.2 A/AA
// and best practice, in the light and the dark theme (and the studio in Chinese too). A new
// violation anywhere fails the suite, with the page, state and rule named.

async function signUp(page: Page): Promise<string> {
  await page.goto("/sign-up");
  await page.getByLabel("Email").fill(`e2e-a11y-${Date.now()}@example.com`);
  await page.getByLabel("Password").fill("a long enough password");
  await page.getByRole("button", { name: "Create account" }).click();
  await page.waitForURL(/\/w\/[^/]+$/);
  return new URL(page.url()).pathname;
}

test("signed-out pages have no accessibility violations", async ({ page }) => {
  const found: string[] = [];
  await page.setViewportSize({ width: 1440, height: 900 });
  for (const path of ["/sign-in", "/sign-up", "/no-such-page"]) {
    await page.goto(path);
    await checkBothThemes(page, path, found);
  }
  await page.goto("/sign-in");
  await page.getByLabel("Email").fill("nobody@example.com");
  await page.getByLabel("Password").fill("not the password at all");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("alert").filter({ hasText: /./ }).first()).toBeVisible();
  await checkBothThemes(page, "sign-in with an error", found);
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto("/sign-up");
  await checkBothThemes(page, "sign-up (phone)", found);
  await page.getByRole("button", { name: "中文" }).click();
  await expect(page.getByRole("button", { name: "English" })).toHaveAttribute(
    "aria-pressed",
    "false",
  );
  await checkBothThemes(page, "sign-up in Chinese (phone)", found);
  await page.goto("/sign-in");
  await checkBothThemes(page, "sign-in in Chinese (phone)", found);
  expect(found).toEqual([]);
});

test("the studio and its pages, in every open state, have no accessibility violations", async ({
  page,
  browser,
}, testInfo) => {
  test.setTimeout(420_000);
  const found: string[] = [];
  await page.setViewportSize({ width: 1440, height: 900 });
  const studio = await signUp(page);
  const prompt = page.getByLabel("Prompt", { exact: true });
  for (const text of ["a red fox crossing fresh snow [Pan left]", "this one fails [sim:fail]"]) {
    await prompt.fill(text);
    await page.getByRole("button", { name: "Generate" }).click();
  }
  const cards = page.getByTestId("generation-card");
  await expect(cards.filter({ hasText: "a red fox" })).toHaveAttribute("data-state", "success", {
    timeout: 60_000,
  });
  await expect(cards.filter({ hasText: "this one fails" })).toHaveAttribute("data-state", "fail", {
    timeout: 60_000,
  });

  await checkBothThemes(page, "studio", found);
  // Menus and lists load on their first press: each check waits for what it opened.
  await checkBothThemes(page, "theme menu", found, async () => {
    await page.getByRole("button", { name: /^Theme: / }).click();
    await expect(page.getByRole("menu")).toBeVisible();
  });
  await checkBothThemes(page, "keyboard shortcuts", found, async () => {
    await page.locator("body").click({ position: { x: 5, y: 400 } });
    await page.keyboard.press("?");
    await expect(page.getByRole("dialog", { name: "Keyboard shortcuts" })).toBeVisible();
  });
  await checkBothThemes(page, "the gallery full screen", found, async () => {
    await page.getByRole("button", { name: "Watch the gallery full screen" }).click();
    await expect(page.getByTestId("viewer-video")).toBeVisible();
  });
  await checkBothThemes(page, "recent prompts menu", found, async () => {
    await page.getByRole("button", { name: "Recent prompts" }).click();
    await expect(page.getByRole("menuitem").first()).toBeVisible();
  });
  await checkBothThemes(page, "workspace menu", found, async () => {
    await page
      .getByRole("button", { name: /Workspace/ })
      .first()
      .click();
    await expect(page.getByRole("menu")).toBeVisible();
  });
  const ready = cards.filter({ hasText: "a red fox" });
  await checkBothThemes(page, "collection menu", found, () =>
    ready.getByTestId("collection-menu-button").click(),
  );
  await checkBothThemes(page, "date filter", found, async () => {
    await page.getByRole("button", { name: /^Made: / }).click();
    await expect(page.getByRole("grid")).toBeVisible();
  });
  // An open listbox is modal: Radix hides the page from assistive technology and keeps focus in
  // the list, where axe would report the hidden page's links. The page is checked closed above;
  // here the list itself.
  await checkBothThemes(
    page,
    "status filter",
    found,
    async () => {
      await page.getByRole("combobox", { name: "Status" }).click();
      await expect(page.getByRole("listbox")).toBeVisible();
    },
    '[role="listbox"]',
  );
  await prompt.fill("字".repeat(1501));
  await checkBothThemes(page, "editor over the limit", found);
  await prompt.fill("");
  await page.getByRole("button", { name: "Fold the editor away" }).click();
  await checkBothThemes(page, "studio, editor folded", found);
  await page.getByRole("button", { name: /New video/ }).click();

  // The video's page, its share dialog and its delete question.
  await ready.getByRole("link").first().click();
  await page.waitForURL(/\/g\/[^/]+$/);
  await checkBothThemes(page, "video page", found);
  await checkBothThemes(page, "share dialog", found, () =>
    page.getByRole("button", { name: "Share", exact: true }).click(),
  );
  await checkBothThemes(page, "delete question", found, () =>
    page.getByRole("button", { name: "Delete video" }).click(),
  );
  await checkBothThemes(page, "a notice", found, async () => {
    await page.getByRole("button", { name: "Copy prompt" }).click();
    await expect(page.getByTestId("notice").first()).toBeVisible();
  });

  // A share link, open to anyone: the video, and the whole gallery with its viewer open.
  await page.getByRole("button", { name: "Share", exact: true }).click();
  const dialog = page.getByRole("dialog");
  await dialog.getByRole("button", { name: "Create link" }).click();
  const videoShare = new URL(await dialog.getByTestId("share-url").inputValue()).pathname;
  await page.keyboard.press("Escape");
  await page.goto(`${studio}/shares`);
  await checkBothThemes(page, "share links", found);
  await page.getByRole("button", { name: "Share gallery" }).click();
  await page.getByRole("dialog").getByRole("button", { name: "Create link" }).click();
  const galleryShare = new URL(await page.getByRole("dialog").getByTestId("share-url").inputValue())
    .pathname;
  await page.keyboard.press("Escape");

  // axe needs a page of a context of its own.
  const visitorContext = await browser.newContext({ viewport: { width: 1440, height: 900 } });
  const visitor = await visitorContext.newPage();
  await visitor.goto(new URL(videoShare, page.url()).href);
  await checkBothThemes(visitor, "shared video", found);
  await visitor.goto(new URL(galleryShare, page.url()).href);
  await checkBothThemes(visitor, "shared gallery", found);
  await checkBothThemes(visitor, "shared viewer", found, () =>
    visitor.getByTestId("shared-tile").first().click(),
  );
  await visitorContext.close();

  for (const [where, path] of [
    ["settings", `${studio}/settings`],
    ["members", `${studio}/settings/members`],
    ["kie.ai & budget", `${studio}/settings/kie`],
    ["audit log", `${studio}/settings/audit`],
    ["collections", `${studio}/collections`],
    ["new workspace", "/w/new"],
  ] as const) {
    await page.goto(path);
    await checkBothThemes(page, where, found);
  }
  await page.goto(`${studio}/settings/members`);
  await checkBothThemes(
    page,
    "invite role",
    found,
    () => page.getByRole("combobox", { name: "Role", exact: true }).click(),
    '[role="listbox"]',
  );

  // On a phone, and in Chinese.
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto(studio);
  await checkBothThemes(page, "studio (phone)", found);
  await checkBothThemes(page, "filters sheet (phone)", found, () =>
    page.getByRole("button", { name: "Filters" }).click(),
  );
  await page.screenshot({ path: testInfo.outputPath("studio-phone.png") });
  await page.getByRole("button", { name: "中文" }).click();
  await expect(page.getByRole("button", { name: "English" })).toBeVisible();
  await checkBothThemes(page, "studio in Chinese (phone)", found);
  await page.setViewportSize({ width: 1440, height: 900 });
  await page.goto(studio);
  await checkBothThemes(page, "studio in Chinese", found);
  await page.getByRole("button", { name: "English" }).click();

  expect(found).toEqual([]);
});
