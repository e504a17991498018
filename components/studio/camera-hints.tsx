"use client";
import { useTranslations } from "next-intl";
import { CameraIcon } from "@/components/ui/icons";

// Hailuo reads bracketed camera commands anywhere in a prompt; these are the common ones.
const COMMANDS = [
  { command: "[Pan left]", key: "panLeft" },
  { command: "[Pan right]", key: "panRight" },
  { command: "[Push in]", key: "pushIn" },
  { command: "[Pull out]", key: "pullOut" },
  { command: "[Tracking shot]", key: "trackingShot" },
  { command: "[Static shot]", key: "staticShot" },
] as const;

export function CameraHints(props: { onInsert: (command: string) => void; disabled?: boolean }) {
  const t = useTranslations("editor.camera");
  return (
    <div className="flex flex-wrap items-center gap-1.5">
      <span className="mr-0.5 inline-flex items-center gap-1 text-xs text-fg-muted">
        <CameraIcon className="size-3.5" />
        {t("label")}
      </span>
      {COMMANDS.map(({ command, key }) => (
        <button
          key={command}
          type="button"
          disabled={props.disabled}
          title={t(key)}
          aria-label={t("insert", { command, description: t(key) })}
          // Keep the caret where it is: a click must not take focus from the textarea first.
          onMouseDown={(event) => event.preventDefault()}
          onClick={() => props.onInsert(command)}
          className="h-6 rounded-md bg-canvas px-1.5 font-mono text-[11px] text-fg-muted ring-1 ring-inset ring-line transition-colors hover:bg-accent-50 hover:text-accent-700 hover:ring-accent-200 focus-visible:outline-2 focus-visible:outline-offset-1 focus-visible:outline-accent-500 disabled:opacity-50"
        >
          {command}
        </button>
      ))}
    </div>
  );
}
