/**
 * How a person lays out the studio page: the editor open or folded to a bar, and the gallery's
 * density. Kept in cookies, like the theme, so the server renders the page as it was left and
 * nothing jumps after it loads.
 */
export const EDITOR_COOKIE = "studio-editor";
export const DENSITY_COOKIE = "studio-density";

/** "auto": open on a wide screen, a bar on a phone, where the videos should come first. */
export const EDITOR_STATES = ["auto", "open", "collapsed"] as const;
export type EditorState = (typeof EDITOR_STATES)[number];

export const DENSITIES = ["small", "medium", "large"] as const;
export type Density = (typeof DENSITIES)[number];

const ONE_YEAR_S = 365 * 24 * 60 * 60;

function oneOf<T extends string>(values: readonly T[], value: string | undefined, fallback: T): T {
  return (values as readonly string[]).includes(value ?? "") ? (value as T) : fallback;
}

export const parseEditorState = (value: string | undefined): EditorState =>
  oneOf(EDITOR_STATES, value, "auto");

export const parseDensity = (value: string | undefined): Density =>
  oneOf(DENSITIES, value, "medium");

/** The Set-Cookie string a browser keeps a layout choice with. */
export function layoutCookie(name: string, value: string): string {
  return `${name}=${value}; Path=/; Max-Age=${ONE_YEAR_S}; SameSite=Lax`;
}
