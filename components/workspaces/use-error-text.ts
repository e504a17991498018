"use client";
import { useTranslations } from "next-intl";
import { ActionError } from "@/lib/queries/use-action-mutation";

const KNOWN = new Set(["forbidden", "not_found", "conflict", "invalid_input", "unauthorized"]);

/** The words for a failed workspace action: the server's code, or the network. */
export function useErrorText() {
  const t = useTranslations("workspaces.errors");
  return (error: Error | null | undefined, conflict?: string): string | null => {
    if (!error) return null;
    if (!(error instanceof ActionError)) return t("network");
    if (error.code === "conflict" && conflict) return conflict;
    return KNOWN.has(error.code)
      ? t(error.code as "forbidden" | "not_found" | "conflict" | "invalid_input" | "unauthorized")
      : t("generic");
  };
}
