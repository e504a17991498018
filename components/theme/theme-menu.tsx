"use client";
import { useTranslations } from "next-intl";
import type { ReactNode } from "react";
import { THEME_ICONS } from "@/components/theme/theme-icons";
import { useTheme } from "@/components/theme/theme-provider";
import {
  DropdownMenu,
  DropdownMenuContent,
  DropdownMenuLabel,
  DropdownMenuRadioGroup,
  DropdownMenuRadioItem,
  DropdownMenuTrigger,
} from "@/components/ui/dropdown-menu";
import type { OpenedBy } from "@/components/ui/press-to-load";
import { parseTheme, THEMES } from "@/lib/theme/themes";

/** The theme menu itself, loaded on the first press of the header's theme button. */
export function ThemeMenu(props: {
  openedBy: OpenedBy | null;
  trigger: { "aria-label": string; className: string; children: ReactNode };
}) {
  const t = useTranslations("theme");
  const { theme, setTheme } = useTheme();
  return (
    <DropdownMenu defaultOpen={props.openedBy !== null}>
      <DropdownMenuTrigger {...props.trigger} />
      <DropdownMenuContent align="end" focusFirstItem={props.openedBy === "keyboard"}>
        <DropdownMenuLabel>{t("title")}</DropdownMenuLabel>
        <DropdownMenuRadioGroup
          value={theme}
          onValueChange={(value) => setTheme(parseTheme(value))}
        >
          {THEMES.map((value) => {
            const ItemIcon = THEME_ICONS[value];
            return (
              <DropdownMenuRadioItem key={value} value={value}>
                <ItemIcon aria-hidden="true" className="size-4 text-fg-muted" />
                <span className="flex-1">{t(value)}</span>
              </DropdownMenuRadioItem>
            );
          })}
        </DropdownMenuRadioGroup>
      </DropdownMenuContent>
    </DropdownMenu>
  );
}
