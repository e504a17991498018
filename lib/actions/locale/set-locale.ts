"use server";
import { cookies } from "next/headers";
import type { ActionResult } from "@/lib/actions/action-result";
import { isLocale, LOCALE_COOKIE, type Locale } from "@/lib/i18n/locales";

/** The language switcher: remembers the choice for a year; the page re-renders in it. */
export async function setLocaleAction(locale: unknown): Promise<ActionResult<{ locale: Locale }>> {
  if (!isLocale(locale)) {
    return { ok: false, error: { code: "invalid_input", message: "Unsupported language" } };
  }
  (await cookies()).set(LOCALE_COOKIE, locale, {
    path: "/",
    maxAge: 60 * 60 * 24 * 365,
    sameSite: "lax",
  });
  return { ok: true, data: { locale } };
}
