"use client";
import { useRouter } from "next/navigation";
import { useLocale, useTranslations } from "next-intl";
import { useTransition } from "react";
import { cn } from "@/components/ui/cn";
import { setLocaleAction } from "@/lib/actions/locale/set-locale";
import { LOCALE_LABELS, LOCALE_SHORT_LABELS, LOCALES, type Locale } from "@/lib/i18n/locales";

/**
 * English / 中文 (EN / 中 on phones): stores the choice in the NEXT_LOCALE cookie, then
 * re-renders the page.
 */
export function LanguageSwitcher({ className }: { className?: string }) {
  const t = useTranslations("common");
  const current = useLocale();
  const router = useRouter();
  const [pending, startTransition] = useTransition();

  function choose(locale: Locale) {
    if (locale === current) return;
    startTransition(async () => {
      const result = await setLocaleAction(locale);
      if (result.ok) router.refresh();
    });
  }

  return (
    <fieldset
      aria-label={t("language")}
      className={cn(
        "inline-flex h-8 shrink-0 items-center rounded-lg bg-muted p-0.5 ring-1 ring-inset ring-line/70",
        pending && "opacity-60",
        className,
      )}
    >
      {LOCALES.map((locale) => (
        <button
          key={locale}
          type="button"
          lang={locale}
          aria-label={LOCALE_LABELS[locale]}
          aria-pressed={locale === current}
          disabled={pending}
          onClick={() => choose(locale)}
          className={cn(
            "h-7 min-w-7 rounded-md px-2 text-xs sm:px-2.5 font-medium whitespace-nowrap transition-colors",
            "focus-visible:outline-2 focus-visible:outline-offset-1 focus-visible:outline-accent-500",
            locale === current
              ? "bg-surface text-fg shadow-xs ring-1 ring-line"
              : "text-fg-muted hover:text-fg",
          )}
        >
          <span className="sm:hidden">{LOCALE_SHORT_LABELS[locale]}</span>
          <span className="hidden sm:inline">{LOCALE_LABELS[locale]}</span>
        </button>
      ))}
    </fieldset>
  );
}
