import { checkBothThemes } from "./axe";
import { expect, test } from "./client";

// The model choice: what each model makes and costs before the press, a video made with the
// chosen model at its real size and length, and the choice remembered.

test("Model: Hailuo 02 Standard at 10 s is chosen, priced, made at 768P for 10 s and shown as such", async ({
  page,
}) => {
  await page.setViewportSize({ width: 1440, height: 900 });
  await page.goto("/sign-up");
  await page.getByLabel("Email").fill(`e2e-models-${Date.now()}@example.com`);
  await page.getByLabel("Password").fill("a long enough password");
  await page.getByRole("button", { name: "Create account" }).click();
  await page.waitForURL(/\/w\/[^/]+$/);
  const studio = page.url();

  // The editor's, not the gallery's Model filter.
  const editor = page.getByRole("region", { name: "New video" });
  const model = editor.getByRole("combobox", { name: "Model" });
  const makes = page.locator("#model-makes");
  await expect(model).toHaveText("Hailuo 02 Pro, From the prompt");
  await expect(makes).toContainText("1080P · 6 s · about 57 credits a video");
  // Pro makes one length and size: nothing to choose.
  await expect(page.getByRole("group", { name: "Length" })).toHaveCount(0);

  const found: string[] = [];
  await checkBothThemes(
    page,
    "the open model menu",
    found,
    async () => {
      await model.click();
      await expect(page.getByRole("listbox")).toBeVisible();
    },
    "[role=listbox]",
  );
  expect(found).toEqual([]);
  await page.emulateMedia({ colorScheme: "light" });

  await model.click();
  await page
    .getByRole("group", { name: "From the prompt" })
    .getByRole("option", { name: "Hailuo 02 Standard" })
    .click();
  await expect(model).toHaveText("Hailuo 02 Standard, From the prompt");
  const length = page.getByRole("group", { name: "Length" });
  await expect(length.getByRole("radio", { name: "6 s" })).toBeChecked();
  await length.getByText("10 s", { exact: true }).click();
  await expect(length.getByRole("radio", { name: "10 s" })).toBeChecked();
  await expect(makes).toContainText("768P · 10 s · about 50 credits a video");
  await expect(page.getByTestId("press-cost")).toContainText("≈ 50 credits");

  await page.getByLabel("Prompt", { exact: true }).fill("十秒标准版：海浪拍打礁石，镜头缓缓拉远");
  await page.getByRole("button", { name: "Generate" }).click();
  const card = page.getByTestId("generation-card").filter({ hasText: "海浪拍打礁石" });
  await expect(card.getByTestId("card-model")).toHaveText("02 Standard · 768P · 10 s");
  await expect(card).toHaveAttribute("data-state", "success", { timeout: 90_000 });

  // The stored file is the size and length asked for.
  await card.getByRole("link").first().click();
  await page.waitForURL(/\/g\//);
  await expect(page.getByTestId("detail-model")).toHaveText("Hailuo 02 Standard");
  await expect(page.getByText("1366 × 768 (768P)")).toBeVisible({ timeout: 30_000 });
  await expect(page.getByText("0:10", { exact: true })).toBeVisible();

  // Remembered in this browser.
  await page.goto(studio);
  await expect(model).toHaveText("Hailuo 02 Standard, From the prompt");
  await expect(
    page.getByRole("group", { name: "Length" }).getByRole("radio", { name: "10 s" }),
  ).toBeChecked();
  await page.screenshot({ path: test.info().outputPath("editor-standard.png"), fullPage: true });
});

test("an admin turns kie.ai's content filter on for the workspace, and it stays on", async ({
  page,
}) => {
  await page.setViewportSize({ width: 1440, height: 900 });
  await page.goto("/sign-up");
  await page.getByLabel("Email").fill(`e2e-filter-${Date.now()}@example.com`);
  await page.getByLabel("Password").fill("a long enough password");
  await page.getByRole("button", { name: "Create account" }).click();
  await page.waitForURL(/\/w\/[^/]+$/);

  await page.goto(`${page.url()}/settings/kie`);
  const filter = page.getByRole("switch", { name: "kie.ai content filter" });
  await expect(filter).toHaveAttribute("aria-checked", "false");
  await filter.click();
  await expect(page.getByText("Saved.")).toBeVisible();
  await page.reload();
  await expect(page.getByRole("switch", { name: "kie.ai content filter" })).toHaveAttribute(
    "aria-checked",
    "true",
  );
  await page.screenshot({ path: test.info().outputPath("kie-settings.png"), fullPage: true });
});
