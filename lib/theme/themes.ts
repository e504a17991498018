/**
 * The person's theme: "system" follows the device (prefers-color-scheme), the others are a choice
 * that overrides it. Kept in a cookie, so the server renders <html> in the chosen theme and the
 * first paint is already right, on every page, signed in or not.
 */
export const THEMES = ["system", "light", "dark"] as const;
export type Theme = (typeof THEMES)[number];

export const THEME_COOKIE = "theme";
const ONE_YEAR_S = 365 * 24 * 60 * 60;

export function parseTheme(value: string | null | undefined): Theme {
  return (THEMES as readonly string[]).includes(value ?? "") ? (value as Theme) : "system";
}

/** The value of <html data-theme>: absent for "system", which the stylesheet leaves to the device. */
export function themeAttribute(theme: Theme): "light" | "dark" | undefined {
  return theme === "system" ? undefined : theme;
}

/** The Set-Cookie string a browser stores the choice with. */
export function themeCookie(theme: Theme): string {
  return `${THEME_COOKIE}=${theme}; Path=/; Max-Age=${ONE_YEAR_S}; SameSite=Lax`;
}
