"use client";
import { useTranslations } from "next-intl";

/** The text for a workspace name the schema refused (its error code), or null. */
export function useNameErrorText() {
  const t = useTranslations("workspaces.nameErrors");
  return (code: string | undefined): string | null => {
    if (!code) return null;
    return code === "name_too_long" ? t("tooLong") : t("required");
  };
}
