"use client";
import { useTranslations } from "next-intl";
import { CameraIcon } from "@/components/ui/icons";
import { CAMERA_COMMANDS } from "@/lib/kie/camera-commands";

/**
 * Hailuo 02's fifteen camera moves, named in the UI's language; each inserts the documented
 * English command, which is what the model reads.
 */
export function CameraHints(props: {
  onInsert: (command: string) => void;
  disabled?: boolean;
  /** Why the last pick was not inserted, said next to the chips. */
  problem?: string | null;
}) {
  const t = useTranslations("editor.camera");
  return (
    <div>
      <div className="flex flex-wrap items-center gap-1.5">
        <span className="mr-0.5 inline-flex items-center gap-1 text-xs text-fg-muted">
          <CameraIcon className="size-3.5" />
          {t("label")}
        </span>
        {CAMERA_COMMANDS.map(({ command, key }) => (
          <button
            key={command}
            type="button"
            disabled={props.disabled}
            title={`[${command}] · ${t(`describe.${key}`)}`}
            aria-label={t("insert", {
              command: `[${command}]`,
              name: t(`name.${key}`),
              description: t(`describe.${key}`),
            })}
            // Keep the caret where it is: a click must not take focus from the textarea first.
            onMouseDown={(event) => event.preventDefault()}
            onClick={() => props.onInsert(command)}
            className="h-6 rounded-md bg-canvas px-1.5 text-[11px] text-fg-muted ring-1 ring-inset ring-line transition-colors hover:bg-accent-50 hover:text-accent-700 hover:ring-accent-200 focus-visible:outline-2 focus-visible:outline-offset-1 focus-visible:outline-accent-500 disabled:opacity-50"
          >
            {t(`name.${key}`)}
          </button>
        ))}
      </div>
      <p aria-live="polite" className="mt-1.5 text-xs text-warning empty:sr-only">
        {props.problem}
      </p>
    </div>
  );
}
