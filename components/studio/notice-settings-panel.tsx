"use client";
import { useTranslations } from "next-intl";
import { type ReactNode, useId, useState } from "react";
import { playChime } from "@/components/studio/chime";
import { useNoticePrefs } from "@/components/studio/notice-prefs";
import { Popover, PopoverContent, PopoverTrigger } from "@/components/ui/popover";
import type { OpenedBy } from "@/components/ui/press-to-load";
import { Switch } from "@/components/ui/switch";

type Permission = NotificationPermission | "unsupported";

function currentPermission(): Permission {
  return typeof Notification === "function" ? Notification.permission : "unsupported";
}

/** The notice settings, loaded on the first press of the header's bell. */
export function NoticeSettingsPanel(props: {
  openedBy: OpenedBy | null;
  trigger: { "aria-label": string; className: string; children: ReactNode };
}) {
  const t = useTranslations("noticePrefs");
  const { prefs, update } = useNoticePrefs();
  // Mounted only in the browser, on the bell's first press: the permission can be read at once.
  const [permission, setPermission] = useState<Permission>(currentPermission);
  const [failed, setFailed] = useState(false);
  const browserId = useId();
  const soundId = useId();

  // The browser's permission is asked here, when the person turns notifications on — never
  // on page load. Without it the setting stays off: it would promise something it can't do.
  const askPermission = async (): Promise<Permission> => {
    if (typeof Notification !== "function") return "unsupported";
    const answer = await Notification.requestPermission();
    setPermission(answer);
    return answer;
  };
  const setBrowser = async (on: boolean) => {
    setFailed(false);
    if (on) {
      const answer = permission === "granted" ? "granted" : await askPermission();
      if (answer !== "granted") return;
    }
    setFailed(!(await update({ browser: on })));
  };
  const setSound = async (on: boolean) => {
    setFailed(false);
    const saved = await update({ sound: on });
    setFailed(!saved);
    if (saved && on) playChime();
  };

  const browserNote =
    permission === "unsupported"
      ? t("unsupported")
      : permission === "denied"
        ? t("denied")
        : prefs.browser && permission === "default"
          ? t("allowHere")
          : t("browserHint");

  return (
    <Popover defaultOpen={props.openedBy !== null}>
      <PopoverTrigger {...props.trigger} />
      <PopoverContent
        className="w-80 p-4"
        aria-label={t("title")}
        onOpenAutoFocus={(event) => {
          if (props.openedBy === "pointer") event.preventDefault();
        }}
      >
        <h2 className="text-sm font-semibold text-fg">{t("title")}</h2>
        <p className="mt-1 text-xs leading-5 text-fg-muted">{t("intro")}</p>
        <div className="mt-3 space-y-3 border-t border-line-soft pt-3">
          <Row
            id={browserId}
            label={t("browser")}
            hint={browserNote}
            checked={prefs.browser && permission === "granted"}
            disabled={permission === "unsupported" || permission === "denied"}
            onChange={(on) => void setBrowser(on)}
          >
            {prefs.browser && permission === "default" && (
              <button
                type="button"
                onClick={() => void askPermission()}
                className="mt-1 text-xs font-medium text-accent-700 underline underline-offset-2 hover:no-underline"
              >
                {t("allow")}
              </button>
            )}
          </Row>
          <Row
            id={soundId}
            label={t("sound")}
            hint={t("soundHint")}
            checked={prefs.sound}
            onChange={(on) => void setSound(on)}
          />
        </div>
        {failed && (
          <p role="alert" className="mt-3 text-xs text-danger">
            {t("saveFailed")}
          </p>
        )}
      </PopoverContent>
    </Popover>
  );
}

function Row(props: {
  id: string;
  label: string;
  hint: string;
  checked: boolean;
  disabled?: boolean;
  onChange: (on: boolean) => void;
  children?: ReactNode;
}) {
  return (
    <div className="flex items-start justify-between gap-4">
      <div className="min-w-0">
        <label htmlFor={props.id} className="text-[13px] font-medium text-fg">
          {props.label}
        </label>
        <p id={`${props.id}-hint`} className="mt-0.5 text-xs leading-5 text-fg-muted">
          {props.hint}
        </p>
        {props.children}
      </div>
      <Switch
        id={props.id}
        checked={props.checked}
        disabled={props.disabled}
        describedBy={`${props.id}-hint`}
        onCheckedChange={props.onChange}
      />
    </div>
  );
}
