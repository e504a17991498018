import type { useTranslations } from "next-intl";
import { isModelId, MODELS } from "@/lib/kie/models";

type T = ReturnType<typeof useTranslations<"models">>;

/** A model as people name it ("Hailuo 02 Pro", or "02 Pro"); an unknown model by its id. */
export function modelName(t: T, id: string, form: "name" | "short" = "name"): string {
  if (!isModelId(id)) return id;
  const m = MODELS[id];
  return t(form, { version: m.version, tier: t(`tier.${m.tier}`) });
}

/** A model with what it starts from, where two would read alike: "Hailuo 02 Pro, From an image". */
export function modelLongName(t: T, id: string): string {
  if (!isModelId(id)) return id;
  return t("withStart", { name: modelName(t, id), start: t(`start.${MODELS[id].start}`) });
}

/** A video's model, size and length in one line: "02 Pro · 1080P · 6 s". */
export function modelSummary(
  t: T,
  g: { model: string; duration: string; resolution: string },
): string {
  return t("summary", {
    model: modelName(t, g.model, "short"),
    resolution: g.resolution,
    seconds: g.duration,
  });
}
