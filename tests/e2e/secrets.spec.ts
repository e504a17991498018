import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { expect, type Page, test } from "./client";

const RAW_KEY = "kie-SECRET-abc123-e2e-9d8c7b6a5f4e3d2c1b0a";

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesUnder(path) : [path];
  });
}

async function signUp(page: Page): Promise<string> {
  await page.goto("/sign-up");
  await page.getByLabel("Email").fill(`secrets-${Date.now()}@example.com`);
  await page.getByLabel("Password").fill("a long enough password");
  await page.getByRole("button", { name: "Create account" }).click();
  await page.waitForURL(/\/w\/[^/]+$/);
  return new URL(page.url()).pathname.split("/")[2] ?? "";
}

test("the workspace's kie.ai key never reaches a browser: no page, no JSON, no bundle", async ({
  page,
}, testInfo) => {
  // Every response the browser receives while the key is set and used: HTML, JSON, RSC payloads
  // and server-action answers alike.
  const seen: { url: string; body: string }[] = [];
  page.on("response", async (res) => {
    const type = res.headers()["content-type"] ?? "";
    if (!/html|json|text|x-component|javascript/.test(type)) return;
    seen.push({ url: res.url(), body: await res.text().catch(() => "") });
  });

  const slug = await signUp(page);
  await page.goto(`/w/${slug}/settings/kie`);
  const apiKey = page.getByTestId("key-apiKey");
  await expect(apiKey.getByText("Not set", { exact: true })).toBeVisible();
  await apiKey.getByLabel("API key").fill(RAW_KEY);
  await apiKey.getByRole("button", { name: "Test key" }).click();
  await expect(apiKey.getByText(/kie\.ai accepted this key/)).toBeVisible();
  await apiKey.getByRole("button", { name: "Save" }).click();
  await expect(apiKey.getByText(`••••${RAW_KEY.slice(-4)}`)).toBeVisible();
  await expect(apiKey.getByLabel("API key")).toHaveValue("");
  await page.screenshot({ path: testInfo.outputPath("kie-settings.png"), fullPage: true });

  await page.goto(`/w/${slug}`);
  await expect(page.getByTestId("credits")).toContainText(/Credits: [\d,]+/);
  await page.getByLabel("Prompt", { exact: true }).fill("秋天的银杏大道，落叶飘舞");
  await page.getByRole("button", { name: "Generate" }).click();
  const card = page.getByTestId("generation-card").first();
  await expect(card).toHaveAttribute("data-state", "success", { timeout: 60_000 });
  const id = (await card.getAttribute("data-id")) ?? "";

  await page.goto(`/w/${slug}/settings/audit`);
  await expect(page.getByText("Changed kie.ai keys")).toBeVisible();
  await expect(page.getByText("Generated a video")).toBeVisible();

  const paths = [
    `/w/${slug}`,
    `/w/${slug}/settings/kie`,
    `/w/${slug}/settings/audit`,
    `/api/w/${slug}/generations`,
    `/api/w/${slug}/credits`,
    ...(id ? [`/w/${slug}/g/${id}`, `/api/w/${slug}/generations/${id}`] : []),
  ];
  for (const path of paths) {
    const res = await page.request.get(path);
    expect(res.status(), path).toBe(200);
    seen.push({ url: path, body: await res.text() });
  }
  expect(seen.length).toBeGreaterThan(paths.length);
  for (const { url, body } of seen) expect(body.includes(RAW_KEY), url).toBe(false);

  const files = filesUnder(join(process.cwd(), ".next", "static"));
  expect(files.length).toBeGreaterThan(0);
  for (const path of files) {
    const text = readFileSync(path).toString("latin1");
    expect(text.includes(RAW_KEY), path).toBe(false);
    expect(text.includes("hailuo-studio/secret-box"), path).toBe(false);
  }
});
