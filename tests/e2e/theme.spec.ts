import { expect, type Page, test } from "./client";

// The theme: the device's by default, the person's choice when made, and the first paint of
// every page already in the right one (the server renders <html data-theme> from the cookie).

/** The page background's lightness, 0 (black) to 1 (white), as the browser computed it. */
async function backgroundLightness(page: Page): Promise<number> {
  return page.evaluate(() => {
    const probe = document.createElement("canvas").getContext("2d");
    if (!probe) throw new Error("no canvas");
    probe.fillStyle = getComputedStyle(document.body).backgroundColor;
    probe.fillRect(0, 0, 1, 1);
    const [r = 0, g = 0, b = 0] = probe.getImageData(0, 0, 1, 1).data;
    return (0.2126 * r + 0.7152 * g + 0.0722 * b) / 255;
  });
}

/** The theme attribute of the page's HTML as the server sent it, before any script ran. */
async function servedTheme(page: Page, path: string): Promise<string | null> {
  const html = await (await page.request.get(path)).text();
  return /<html[^>]*\sdata-theme="(\w+)"/.exec(html)?.[1] ?? null;
}

async function chooseTheme(page: Page, name: "Light" | "Dark" | "System"): Promise<void> {
  await page.getByRole("button", { name: /^Theme: / }).click();
  await page.getByRole("menuitemradio", { name }).click();
}

test("the theme follows the device until the person chooses one, and that choice is served", async ({
  page,
}) => {
  await page.emulateMedia({ colorScheme: "dark" });
  await page.goto("/sign-in");
  expect(await servedTheme(page, "/sign-in")).toBeNull();
  expect(await backgroundLightness(page)).toBeLessThan(0.2);
  await page.emulateMedia({ colorScheme: "light" });
  expect(await backgroundLightness(page)).toBeGreaterThan(0.9);

  // Chosen against the device: applied at once, and sent with the next page's HTML.
  await chooseTheme(page, "Dark");
  expect(await backgroundLightness(page)).toBeLessThan(0.2);
  await expect(page.getByRole("button", { name: "Theme: Dark" })).toBeVisible();
  expect(await servedTheme(page, "/sign-up")).toBe("dark");
  await page.goto("/sign-up");
  expect(await backgroundLightness(page)).toBeLessThan(0.2);

  // Back to the device's.
  await chooseTheme(page, "System");
  expect(await backgroundLightness(page)).toBeGreaterThan(0.9);
  expect(await servedTheme(page, "/sign-in")).toBeNull();
  await page.emulateMedia({ colorScheme: "dark" });
  expect(await backgroundLightness(page)).toBeLessThan(0.2);
});

test("the menu works from the keyboard and says which theme is on", async ({ page }) => {
  await page.emulateMedia({ colorScheme: "light" });
  await page.goto("/sign-in");
  const trigger = page.getByRole("button", { name: "Theme: System" });
  await trigger.focus();
  await page.keyboard.press("Enter");
  await expect(page.getByRole("menuitemradio", { name: "System" })).toHaveAttribute(
    "aria-checked",
    "true",
  );
  // System, Light, Dark: the first is focused on opening.
  await page.keyboard.press("ArrowDown");
  await page.keyboard.press("Enter");
  await expect(page.getByRole("button", { name: "Theme: Light" })).toBeFocused();
  expect(await servedTheme(page, "/sign-in")).toBe("light");
  await page.keyboard.press("Enter");
  await page.keyboard.press("Escape");
  await expect(page.getByRole("menu")).toHaveCount(0);
  await expect(page.getByRole("button", { name: "Theme: Light" })).toBeFocused();
});
