"use client";
import { useTranslations } from "next-intl";
import { THEME_ICONS } from "@/components/theme/theme-icons";
import { useTheme } from "@/components/theme/theme-provider";
import { cn } from "@/components/ui/cn";
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
    className: cn(
      "inline-flex size-8 shrink-0 items-center justify-center rounded-lg text-fg-muted transition-colors",
      "hover:bg-muted hover:text-fg focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-accent-500",
      "data-[state=open]:bg-muted data-[state=open]:text-fg",
      props.className,
    ),
    children: <Icon aria-hidden="true" className="size-4" />,
  };
  if (Component) {
    return <Component openedBy={openedBy} trigger={trigger} />;
  }
  return <StandInTrigger opens="menu" handlers={standIn} {...trigger} />;
}
