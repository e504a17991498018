"use client";
import { useTranslations } from "next-intl";
import type { KieFailure } from "@/lib/kie/errors";

export type KieErrorsT = ReturnType<typeof useTranslations<"kieErrors">>;

/** kie.ai's words for quoting inside a sentence that ends with its own full stop. */
export function quoted(words: string): string {
  return words.trim().replace(/[.。]+$/, "");
}

/** Words for a kie.ai failure in the reader's language; kie.ai's own words are quoted as said. */
export function kieFailureText(failure: KieFailure, t: KieErrorsT): string {
  if ("reason" in failure) return t(`reasons.${failure.reason}`);
  const reason = t(failure.kind);
  return failure.detail ? t("withDetail", { reason, detail: quoted(failure.detail) }) : reason;
}

export function useKieFailureText() {
  const t = useTranslations("kieErrors");
  return (failure: KieFailure): string => kieFailureText(failure, t);
}
