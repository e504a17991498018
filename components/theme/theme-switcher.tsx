"use client";
import * as DropdownMenu from "@radix-ui/react-dropdown-menu";
import { Check, Monitor, Moon, Sun } from "lucide-react";
import { useTranslations } from "next-intl";
import { useTheme } from "@/components/theme/theme-provider";
import { cn } from "@/components/ui/cn";
import { parseTheme, THEMES } from "@/lib/theme/themes";

const ICONS = { system: Monitor, light: Sun, dark: Moon } as const;

/** Light, dark or the device's: a menu behind one icon button in the header. */
export function ThemeSwitcher(props: { className?: string }) {
  const t = useTranslations("theme");
  const { theme, setTheme } = useTheme();
  const Icon = ICONS[theme];

  return (
    <DropdownMenu.Root>
      <DropdownMenu.Trigger
        aria-label={t("label", { current: t(theme) })}
        className={cn(
          "inline-flex size-8 shrink-0 items-center justify-center rounded-lg text-fg-muted transition-colors",
          "hover:bg-muted hover:text-fg focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-accent-500",
          "data-[state=open]:bg-muted data-[state=open]:text-fg",
          props.className,
        )}
      >
        <Icon aria-hidden="true" className="size-4" />
      </DropdownMenu.Trigger>
      <DropdownMenu.Portal>
        <DropdownMenu.Content
          align="end"
          sideOffset={6}
          className="z-50 min-w-40 rounded-xl bg-surface p-1 text-sm text-fg shadow-lg ring-1 ring-line"
        >
          <DropdownMenu.Label className="px-2.5 pt-1.5 pb-1 text-xs font-medium text-fg-muted">
            {t("title")}
          </DropdownMenu.Label>
          <DropdownMenu.RadioGroup
            value={theme}
            onValueChange={(value) => setTheme(parseTheme(value))}
          >
            {THEMES.map((value) => {
              const ItemIcon = ICONS[value];
              return (
                <DropdownMenu.RadioItem
                  key={value}
                  value={value}
                  className="flex cursor-default items-center gap-2.5 rounded-lg px-2.5 py-2 outline-none select-none data-[highlighted]:bg-muted"
                >
                  <ItemIcon aria-hidden="true" className="size-4 text-fg-muted" />
                  <span className="flex-1">{t(value)}</span>
                  <DropdownMenu.ItemIndicator>
                    <Check aria-hidden="true" className="size-4 text-accent-600" />
                  </DropdownMenu.ItemIndicator>
                </DropdownMenu.RadioItem>
              );
            })}
          </DropdownMenu.RadioGroup>
        </DropdownMenu.Content>
      </DropdownMenu.Portal>
    </DropdownMenu.Root>
  );
}
