"use client";
import { useTranslations } from "next-intl";
import type { ActionResult } from "@/lib/actions/action-result";
import { ActionError } from "@/lib/queries/use-action-mutation";

type ResultError = Extract<ActionResult<unknown>, { ok: false }>["error"];

const SIMPLE = [
  "forbidden",
  "not_found",
  "conflict",
  "invalid_input",
  "unauthorized",
  "rate_limited",
  "unavailable",
] as const;

function isSimple(code: string): code is (typeof SIMPLE)[number] {
  return (SIMPLE as readonly string[]).includes(code);
}

export type ErrorsT = ReturnType<typeof useTranslations<"errors">>;

/**
 * Words for a failed server action in the reader's language, from its code (the server's own
 * sentence is English): an ActionError, an `ok: false` result's error, or anything else thrown,
 * which means the server was not reached. `conflict` words a conflict the screen can explain.
 */
export function actionErrorText(error: Error | ResultError, t: ErrorsT, conflict?: string): string {
  const failed = error instanceof ActionError || !(error instanceof Error) ? error : null;
  if (!failed) return t("network");
  if (failed.code === "conflict" && conflict) return conflict;
  if (failed.code === "budget_exceeded") {
    const limit = Number(failed.fields?.limit);
    const used = Number(failed.fields?.used);
    if (Number.isFinite(limit) && Number.isFinite(used)) {
      const key = failed.fields?.scope === "member" ? "budgetMember" : "budgetWorkspace";
      const takes = Number(failed.fields?.takes);
      const fits = Number(failed.fields?.fits);
      // A press of several takes: none was started, and how many would fit is worth knowing.
      const room = takes > 1 && Number.isFinite(fits) ? ` ${t("budgetFits", { fits, takes })}` : "";
      return t(key, { limit, used }) + room;
    }
  }
  return isSimple(failed.code) ? t(failed.code) : t("generic");
}

export function useActionErrorText() {
  const t = useTranslations("errors");
  return (error: Error | ResultError | null | undefined, conflict?: string): string | null =>
    error ? actionErrorText(error, t, conflict) : null;
}
