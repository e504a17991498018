import type { Locale } from "@/lib/i18n/locales";
import type en from "@/messages/en.json";

// Type-checks every t("…") key against the English catalog, the one zh-CN must mirror.
declare module "next-intl" {
  interface AppConfig {
    Locale: Locale;
    Messages: typeof en;
  }
}
