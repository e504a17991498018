export const LOCALES = ["en", "zh-CN"] as const;
export type Locale = (typeof LOCALES)[number];

export const DEFAULT_LOCALE: Locale = "en";
export const LOCALE_COOKIE = "NEXT_LOCALE";

/** What the switcher shows for each locale, always in that locale's own language. */
export const LOCALE_LABELS: Record<Locale, string> = { en: "English", "zh-CN": "中文" };
/** The same, short enough for a phone's header. */
export const LOCALE_SHORT_LABELS: Record<Locale, string> = { en: "EN", "zh-CN": "中" };

export function isLocale(value: unknown): value is Locale {
  return typeof value === "string" && (LOCALES as readonly string[]).includes(value);
}

/** Maps one language tag to a supported locale: any Chinese → zh-CN, any English → en. */
function fromTag(tag: string): Locale | null {
  const lang = tag.trim().toLowerCase().split("-")[0];
  if (lang === "zh") return "zh-CN";
  if (lang === "en") return "en";
  return null;
}

/**
 * The best supported locale of an Accept-Language header, honouring q-values
 * ("fr, zh;q=0.8, en;q=0.5" → zh-CN), or null when none is supported.
 */
export function localeFromAcceptLanguage(header: string | null | undefined): Locale | null {
  if (!header) return null;
  const ranked = header
    .split(",")
    .map((part, index) => {
      const [tag = "", ...params] = part.split(";");
      const q = params.map((p) => p.trim()).find((p) => p.startsWith("q="));
      const weight = q ? Number.parseFloat(q.slice(2)) : 1;
      return { tag, weight: Number.isFinite(weight) ? weight : 0, index };
    })
    .filter((entry) => entry.weight > 0)
    .sort((a, b) => b.weight - a.weight || a.index - b.index);
  for (const entry of ranked) {
    const locale = fromTag(entry.tag);
    if (locale) return locale;
  }
  return null;
}

/** The cookie the person chose wins; then the browser's languages; then English. */
export function resolveLocale(args: {
  cookie: string | null | undefined;
  acceptLanguage: string | null | undefined;
}): Locale {
  if (isLocale(args.cookie)) return args.cookie;
  return localeFromAcceptLanguage(args.acceptLanguage) ?? DEFAULT_LOCALE;
}
