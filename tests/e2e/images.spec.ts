import { execFileSync } from "node:child_process";
import { writeFileSync } from "node:fs";
import { checkBothThemes } from "./axe";
import { expect, type Page, test } from "./client";

// Image to video in the browser: a start image chosen, checked and shown with the shape it makes,
// a refused image saying why, and a video whose first frame is the image.

/** A still made with ffmpeg: a pattern no other test image has, at the given size. */
function makeImage(path: string, size: string, source = "testsrc2"): string {
  execFileSync("ffmpeg", [
    ...["-v", "error", "-y", "-f", "lavfi"],
    ...["-i", `${source}${source.includes("=") ? ":" : "="}s=${size}:d=1`],
    ...["-frames:v", "1", path],
  ]);
  return path;
}

/** A picture (a video's first frame) as 32 × 32 RGB bytes, for a small perceptual comparison. */
function thumbnail(path: string): Buffer {
  return execFileSync("ffmpeg", [
    ...["-v", "error", "-i", path, "-frames:v", "1"],
    ...["-vf", "format=rgb24,scale=32:32:flags=area", "-f", "rawvideo", "-"],
  ]);
}

function meanDifference(a: Buffer, b: Buffer): number {
  let sum = 0;
  for (let i = 0; i < a.length; i++) sum += Math.abs((a[i] ?? 0) - (b[i] ?? 0));
  return sum / a.length;
}

/** A model from the open Model menu, by what it starts from and its name. */
async function pick(page: Page, start: string, name: string) {
  await page.getByRole("group", { name: start }).getByRole("option", { name }).click();
}

async function signUp(page: Page, who: string) {
  await page.goto("/sign-up");
  await page.getByLabel("Email").fill(`e2e-${who}-${Date.now()}@example.com`);
  await page.getByLabel("Password").fill("a long enough password");
  await page.getByRole("button", { name: "Create account" }).click();
  await page.waitForURL(/\/w\/[^/]+$/);
}

test("image to video: a tall start image makes a vertical video that opens on the image; a refused image says why", async ({
  page,
}) => {
  test.setTimeout(180_000);
  await page.setViewportSize({ width: 1440, height: 900 });
  await signUp(page, "images");
  const editor = page.getByRole("region", { name: "New video" });
  const model = editor.getByRole("combobox", { name: "Model" });
  await model.click();
  await pick(page, "From an image", "Hailuo 02 Standard");
  await expect(model).toHaveText("Hailuo 02 Standard, From an image");

  const generate = page.getByRole("button", { name: "Generate" });
  await page.getByLabel("Prompt", { exact: true }).fill("竖屏：霓虹灯下的雨夜街道，镜头缓缓推进");
  // No start image yet: nothing to generate from.
  await expect(page.getByText("Add a start image to generate with this model.")).toBeVisible();
  await expect(generate).toBeDisabled();

  const tall = makeImage(test.info().outputPath("tall.png"), "720x1280");
  await page.getByLabel("Start image", { exact: true }).setInputFiles(tall);
  await expect(page.getByText("720 × 1280: a tall image makes a vertical video.")).toBeVisible();

  // Too small for kie.ai: refused here, with the image's own figure.
  const small = makeImage(test.info().outputPath("small.png"), "300x300");
  await page.getByLabel("End image", { exact: true }).setInputFiles(small);
  await expect(
    page.getByText("This image’s shorter side is 300 px; it needs more than 300 px."),
  ).toBeVisible();
  // Not an image at all.
  const text = test.info().outputPath("notes.png");
  writeFileSync(text, "not an image");
  await page.getByLabel("End image", { exact: true }).setInputFiles(text);
  await expect(page.getByText("This image can’t be read. Try another file.")).toBeVisible();

  const found: string[] = [];
  await checkBothThemes(page, "the editor with a start image and a refused end image", found);
  expect(found).toEqual([]);
  await page.emulateMedia({ colorScheme: "light" });
  await page.screenshot({ path: test.info().outputPath("editor-image-desktop.png") });

  await expect(generate).toBeEnabled();
  await generate.click();
  const card = page.getByTestId("generation-card").filter({ hasText: "霓虹灯下的雨夜街道" });
  await expect(card.getByRole("img", { name: "Started from this image" })).toBeVisible();
  await expect(card).toHaveAttribute("data-state", "success", { timeout: 120_000 });

  // The stored video: vertical, 768P, and its first frame is the start image.
  await card.getByRole("link").first().click();
  await page.waitForURL(/\/g\//);
  await expect(page.getByText("768 × 1366 (768P)")).toBeVisible({ timeout: 30_000 });
  await expect(page.getByRole("img", { name: "The image this video started from" })).toBeVisible();
  const src = await page.getByTestId("generation-video").getAttribute("src");
  expect(src).toBeTruthy();
  const video = await page.request.get(src ?? "");
  expect(video.status()).toBe(200);
  const file = test.info().outputPath("made.mp4");
  writeFileSync(file, await video.body());
  expect(meanDifference(thumbnail(file), thumbnail(tall))).toBeLessThan(12);
  // And not just any picture: a different image is far from it.
  const other = makeImage(test.info().outputPath("other.png"), "720x1280", "color=c=0x22aa44");
  expect(meanDifference(thumbnail(file), thumbnail(other))).toBeGreaterThan(30);
});

test("the editor in each mode, at desktop and phone width", async ({ page }) => {
  await page.setViewportSize({ width: 1440, height: 900 });
  await signUp(page, "modes");
  const editor = page.getByRole("region", { name: "New video" });
  const model = editor.getByRole("combobox", { name: "Model" });
  const wide = makeImage(test.info().outputPath("wide.png"), "1280x720");
  const modes = [
    ["text-pro", "From the prompt", "Hailuo 02 Pro"],
    ["text-standard", "From the prompt", "Hailuo 02 Standard"],
    ["image-02-pro", "From an image", "Hailuo 02 Pro"],
    ["image-2-3-pro", "From an image", "Hailuo 2.3 Pro"],
  ] as const;
  for (const [width, height, device] of [
    [1440, 900, "desktop"],
    [390, 844, "phone"],
  ] as const) {
    await page.setViewportSize({ width, height });
    // A phone starts with the editor folded to a bar.
    const bar = page.locator("button[aria-expanded=false][aria-controls=editor]");
    if (await bar.isVisible()) await bar.click();
    for (const [name, start, option] of modes) {
      await model.click();
      await pick(page, start, option);
      await expect(model).toHaveText(`${option}, ${start}`);
      if (name.startsWith("image")) {
        await page.getByLabel("Start image", { exact: true }).setInputFiles(wide);
        await expect(page.getByText("1280 × 720: a wide image makes a wide video.")).toBeVisible();
      }
      // 2.3 takes longer prompts and has no optimizer.
      if (name === "image-2-3-pro") {
        await expect(page.getByTestId("prompt-counter")).toHaveText("0 / 5000");
        await expect(page.getByRole("switch", { name: "Prompt optimizer" })).toHaveCount(0);
        await expect(page.getByLabel("End image", { exact: true })).toHaveCount(0);
      }
      await editor.screenshot({ path: test.info().outputPath(`editor-${name}-${device}.png`) });
    }
  }
});
