"use client";
import { useTranslations } from "next-intl";
import { rememberedChoice } from "@/components/hooks/use-remembered";
import { useModelText } from "@/components/models/use-model-text";
import {
  type ModelChoice,
  OFFERED_MODELS,
  settleChoice,
} from "@/components/studio/model-choice-rules";
import { Segmented } from "@/components/ui/segmented";
import {
  Select,
  SelectContent,
  SelectGroup,
  SelectItem,
  SelectLabel,
  SelectTrigger,
  SelectValue,
} from "@/components/ui/select";
import { estimateCredits, isModelId, lengthFits, MODELS } from "@/lib/kie/models";

export { choiceToSend, type ModelChoice } from "@/components/studio/model-choice-rules";

const DEFAULT_CHOICE = settleChoice({});

const remembered = rememberedChoice(
  "hailuo-studio:model",
  (stored) => {
    try {
      const parsed: unknown = stored === null ? null : JSON.parse(stored);
      return typeof parsed === "object" && parsed !== null ? settleChoice(parsed) : DEFAULT_CHOICE;
    } catch {
      return DEFAULT_CHOICE;
    }
  },
  DEFAULT_CHOICE,
);

/** A change to the latest choice, settled into one the model makes, and remembered. */
function setChoice(next: Partial<ModelChoice>) {
  const settled = settleChoice({ ...remembered.get(), ...next });
  remembered.set(settled, JSON.stringify(settled));
}

/** The person's last model, length and size, remembered in this browser (the default until chosen). */
export function useModelChoice(): [ModelChoice, (next: Partial<ModelChoice>) => void] {
  return [remembered.use(), setChoice];
}

/**
 * Model, and where the model offers them, Length and Size. Only what the chosen model makes can
 * be chosen: 10 s is not offered at 1080P, and choosing 1080P makes the video 6 s.
 */
export function ModelPicker(props: {
  value: ModelChoice;
  onChange: (next: Partial<ModelChoice>) => void;
  disabled?: boolean;
}) {
  const t = useTranslations("models");
  const { name, long } = useModelText();
  const { model, duration, resolution } = props.value;
  const m = MODELS[model];
  const credits = estimateCredits(model, duration, resolution);
  const seconds = (s: string) => t("seconds", { seconds: s });

  return (
    <div className="space-y-3">
      <div className="flex flex-wrap items-center gap-x-3 gap-y-1.5">
        <label htmlFor="model" className="text-[13px] font-medium text-fg-soft">
          {t("label")}
        </label>
        <Select
          value={model}
          onValueChange={(value) => {
            // A new model starts at its own length and size.
            if (isModelId(value)) {
              const m = MODELS[value];
              props.onChange({
                model: value,
                duration: m.defaultDuration,
                resolution: m.defaultResolution,
              });
            }
          }}
          disabled={props.disabled}
        >
          <SelectTrigger id="model" aria-describedby="model-makes" className="h-9 w-auto min-w-44">
            {/* Named here too, so the page arrives with it before the menu has ever opened. */}
            <SelectValue>{long(model)}</SelectValue>
          </SelectTrigger>
          <SelectContent>
            {(["text", "image"] as const).map((start) => (
              <SelectGroup key={start}>
                <SelectLabel>{t(`start.${start}`)}</SelectLabel>
                {OFFERED_MODELS.filter((id) => MODELS[id].start === start).map((id) => (
                  <SelectItem key={id} value={id}>
                    {name(id)}
                  </SelectItem>
                ))}
              </SelectGroup>
            ))}
          </SelectContent>
        </Select>
        <p id="model-makes" className="text-xs text-fg-muted tabular-nums">
          {t("makes", { resolution, seconds: duration, credits })}
        </p>
      </div>
      {(m.durations.length > 0 || m.resolutions.length > 0) && (
        <div className="flex flex-wrap items-center gap-x-5 gap-y-2">
          {m.durations.length > 0 && (
            <Segmented
              legend={t("duration")}
              name="duration"
              options={m.durations.map((d) => ({
                value: d,
                label: seconds(d),
                disabled: !lengthFits(d, resolution),
                title: lengthFits(d, resolution) ? undefined : t("notAt1080"),
              }))}
              value={duration}
              onChange={(d) => props.onChange({ duration: d })}
              disabled={props.disabled}
            />
          )}
          {m.resolutions.length > 0 && (
            <Segmented
              legend={t("resolution")}
              name="resolution"
              options={m.resolutions.map((r) => ({ value: r, label: r }))}
              value={resolution}
              onChange={(r) =>
                props.onChange({
                  resolution: r,
                  ...(!lengthFits(duration, r) && { duration: "6" }),
                })
              }
              disabled={props.disabled}
            />
          )}
        </div>
      )}
    </div>
  );
}
