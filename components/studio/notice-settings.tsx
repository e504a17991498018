"use client";
import { Bell, BellRing } from "lucide-react";
import { useTranslations } from "next-intl";
import { useNoticePrefs } from "@/components/studio/notice-prefs";
import { headerIconButtonClasses } from "@/components/ui/header-icon-button";
import { pressToLoad, StandInTrigger, usePressToLoad } from "@/components/ui/press-to-load";

const Panel = pressToLoad(() =>
  import("@/components/studio/notice-settings-panel").then((m) => m.NoticeSettingsPanel),
);

/** How the person hears that a video is done: a popover behind one icon button in the header. */
export function NoticeSettings(props: { className?: string }) {
  const t = useTranslations("noticePrefs");
  const { prefs } = useNoticePrefs();
  const { Component, openedBy, standIn } = usePressToLoad(Panel);
  const Icon = prefs.browser || prefs.sound ? BellRing : Bell;
  const trigger = {
    "aria-label": t("open"),
    className: headerIconButtonClasses(props.className),
    children: <Icon aria-hidden="true" className="size-4" />,
  };
  if (Component) return <Component openedBy={openedBy} trigger={trigger} />;
  return <StandInTrigger opens="dialog" handlers={standIn} {...trigger} />;
}
