"use client";
import { useTranslations } from "next-intl";
import { THEME_ICONS } from "@/components/theme/theme-icons";
import { useTheme } from "@/components/theme/theme-provider";
import { headerIconButtonClasses } from "@/components/ui/header-icon-button";
import { pressToLoad, StandInTrigger, usePressToLoad } from "@/components/ui/press-to-load";

const Menu = pressToLoad(() => import("@/components/theme/theme-menu").then((m) => m.ThemeMenu));

/** Light, dark or the device's: a menu behind one icon button in the header. */
export function ThemeSwitcher(props: { className?: string }) {
  const t = useTranslations("theme");
  const { theme } = useTheme();
  const { Component, openedBy, standIn } = usePressToLoad(Menu);
  const Icon = THEME_ICONS[theme];
  const trigger = {
    "aria-label": t("label", { current: t(theme) }),
    className: headerIconButtonClasses(props.className),
    children: <Icon aria-hidden="true" className="size-4" />,
  };
  if (Component) {
    return <Component openedBy={openedBy} trigger={trigger} />;
  }
  return <StandInTrigger opens="menu" handlers={standIn} {...trigger} />;
}
