import { GeistMono } from "geist/font/mono";
import { GeistSans } from "geist/font/sans";
import type { Metadata, Viewport } from "next";
import { cookies } from "next/headers";
import { getLocale, getMessages, getTimeZone, getTranslations } from "next-intl/server";
import type { ReactNode } from "react";
import { Providers } from "@/app/providers";
import { parseTheme, THEME_COOKIE, themeAttribute } from "@/lib/theme/themes";
import "./globals.css";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("meta");
  return {
    title: { default: "Hailuo Studio", template: "%s · Hailuo Studio" },
    description: t("description"),
  };
}

export const viewport: Viewport = {
  // The browser's own chrome follows the device's scheme (it can't see a cookie's choice).
  themeColor: [
    { media: "(prefers-color-scheme: light)", color: "#fafafa" },
    { media: "(prefers-color-scheme: dark)", color: "#09090b" },
  ],
  width: "device-width",
  initialScale: 1,
};

export default async function RootLayout({ children }: { children: ReactNode }) {
  const [locale, messages, timeZone, cookieStore] = await Promise.all([
    getLocale(),
    getMessages(),
    getTimeZone(),
    cookies(),
  ]);
  const theme = parseTheme(cookieStore.get(THEME_COOKIE)?.value);
  return (
    <html
      lang={locale}
      data-theme={themeAttribute(theme)}
      className={`${GeistSans.variable} ${GeistMono.variable}`}
    >
      <body className="min-h-dvh font-sans">
        <Providers locale={locale} messages={messages} timeZone={timeZone} theme={theme}>
          {children}
        </Providers>
      </body>
    </html>
  );
}
