import { getTranslations } from "next-intl/server";

/** The first stop for a keyboard: straight past the header to the page's own content. */
export async function SkipLink() {
  const t = await getTranslations("common");
  return (
    <a
      href="#main"
      className="sr-only rounded-lg bg-surface px-3 py-2 text-sm font-medium text-fg shadow-lg ring-1 ring-line focus:not-sr-only focus:fixed focus:top-2 focus:left-2 focus:z-50 focus-visible:outline-2 focus-visible:outline-accent-500"
    >
      {t("skipToContent")}
    </a>
  );
}
