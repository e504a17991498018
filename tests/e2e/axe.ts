import AxeBuilder from "@axe-core/playwright";
import type { Page } from "./client";

// axe-core against WCAG 2.2 A/AA and best practice, in the light and the dark theme: what each
// finds is named by page, state and rule, so a failing suite says where to look.

const TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"];
const THEMES = ["light", "dark"] as const;

export async function violations(page: Page, where: string, only?: string): Promise<string[]> {
  const builder = new AxeBuilder({ page }).withTags(TAGS);
  const result = await (only ? builder.include(only) : builder).analyze();
  return result.violations.map(
    (v) =>
      `${where}: ${v.id} (${v.impact}) ${v.help} — ${v.nodes
        .slice(0, 3)
        .map((n) => n.target.join(" "))
        .join(", ")}`,
  );
}

/**
 * Checks the page in both themes; `open` (re)creates the state after each theme change, and
 * `only` limits the check to what it opened.
 */
export async function checkBothThemes(
  page: Page,
  where: string,
  found: string[],
  open?: () => Promise<void>,
  only?: string,
): Promise<void> {
  for (const scheme of THEMES) {
    await page.emulateMedia({ colorScheme: scheme });
    if (open) await open();
    // Colours fade to the new theme: measured once they have arrived, not halfway.
    await page.waitForFunction(() =>
      document
        .getAnimations()
        .every((a) => !(a instanceof CSSTransition) || a.playState !== "running"),
    );
    found.push(...(await violations(page, `${where} [${scheme}]`, only)));
    if (open) await page.keyboard.press("Escape");
  }
}
