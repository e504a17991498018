"use client";
import { useTranslations } from "next-intl";
import { useCallback } from "react";
import { modelLongName, modelName, modelSummary } from "@/components/models/model-text";

/** modelName, modelSummary and modelLongName in the reader's language, for client components. */
export function useModelText() {
  const t = useTranslations("models");
  const name = useCallback(
    (id: string, form: "name" | "short" = "name") => modelName(t, id, form),
    [t],
  );
  const summary = useCallback(
    (g: { model: string; duration: string; resolution: string }) => modelSummary(t, g),
    [t],
  );
  const long = useCallback((id: string) => modelLongName(t, id), [t]);
  return { name, summary, long };
}
