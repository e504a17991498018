"use client";
import { ChevronDownIcon } from "lucide-react";
import { useTranslations } from "next-intl";
import { rememberedChoice } from "@/components/hooks/use-remembered";
import { useModelText } from "@/components/models/use-model-text";
import {
  type ModelChoice,
  OFFERED_MODELS,
  settleChoice,
} from "@/components/studio/model-choice-rules";
import { cn } from "@/components/ui/cn";
import { pressToLoad, StandInTrigger, usePressToLoad } from "@/components/ui/press-to-load";
import { Segmented } from "@/components/ui/segmented";
import { SELECT_TRIGGER_CLASSES } from "@/components/ui/select-trigger-classes";
import { estimateCredits, isModelId, lengthFits, MODELS, type ModelId } from "@/lib/kie/models";

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
        <ModelMenu
          value={model}
          disabled={props.disabled}
          onChange={(value) => {
            // A new model starts at its own length and size.
            const m = MODELS[value];
            props.onChange({
              model: value,
              duration: m.defaultDuration,
              resolution: m.defaultResolution,
            });
          }}
        />
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

const Menu = pressToLoad(() =>
  import("@/components/studio/model-select-list").then((m) => m.ModelSelectList),
);

/**
 * The Model menu: the models grouped by what a video starts from. Its select is fetched on the
 * first hover, focus or press; until then a stand-in trigger looks and is named the same.
 */
function ModelMenu(props: {
  value: ModelId;
  onChange: (model: ModelId) => void;
  disabled?: boolean;
}) {
  const t = useTranslations("models");
  const { name, long } = useModelText();
  const { Component, openedBy, standIn } = usePressToLoad(Menu);
  const trigger = {
    id: "model",
    "aria-describedby": "model-makes",
    className: "h-9 w-auto min-w-44",
    disabled: props.disabled,
    children: long(props.value),
  };
  if (Component) {
    return (
      <Component
        defaultOpen={openedBy !== null}
        trigger={trigger}
        value={props.value}
        onValueChange={(value) => {
          if (isModelId(value)) props.onChange(value);
        }}
        groups={(["text", "image"] as const).map((start) => ({
          label: t(`start.${start}`),
          options: OFFERED_MODELS.filter((id) => MODELS[id].start === start).map((id) => ({
            value: id,
            label: name(id),
          })),
        }))}
      />
    );
  }
  return (
    <StandInTrigger
      opens="listbox"
      handlers={standIn}
      id={trigger.id}
      aria-describedby={trigger["aria-describedby"]}
      disabled={props.disabled}
      className={cn(SELECT_TRIGGER_CLASSES, trigger.className)}
    >
      <span className="min-w-0 truncate">{trigger.children}</span>
      <ChevronDownIcon aria-hidden="true" className="size-4 shrink-0 text-fg-muted" />
    </StandInTrigger>
  );
}
