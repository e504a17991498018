"use client";
import { History } from "lucide-react";
import { useTranslations } from "next-intl";
import { type ComponentProps, type KeyboardEvent, useEffect, useState } from "react";
import { pressToLoad } from "@/components/ui/press-to-load";

const Menu = pressToLoad(() =>
  import("@/components/studio/recent-prompts-menu").then((m) => m.RecentPromptsMenu),
);

type MenuProps = ComponentProps<Awaited<ReturnType<typeof Menu.fetch>>>;

export const recentTriggerClasses =
  "inline-flex size-8 items-center justify-center rounded-md text-fg-muted transition-colors hover:bg-muted hover:text-fg focus-visible:outline-2 focus-visible:outline-accent-500 disabled:opacity-50 data-[state=open]:bg-muted";

/**
 * The editor's Recent button. Until it is first wanted, a stand-in named and drawn the same: the
 * menu's code comes on hover, focus or the first press (or ↑ in the prompt box), not with the
 * page.
 */
export function RecentPrompts(props: MenuProps & { onOpen: (fromKeyboard: boolean) => void }) {
  const t = useTranslations("recent");
  const { onOpen, ...menu } = props;
  const [Component, setComponent] = useState(Menu.loaded);
  useEffect(() => {
    if (!menu.open || Component) return;
    Menu.fetch().then(
      (loaded) => setComponent(() => loaded),
      () => menu.onOpenChange(false),
    );
  }, [menu.open, Component, menu.onOpenChange]);
  if (Component) return <Component {...menu} />;
  const onKeyDown = (event: KeyboardEvent) => {
    if (["Enter", " ", "ArrowDown", "ArrowUp"].includes(event.key)) {
      event.preventDefault();
      onOpen(true);
    }
  };
  return (
    <button
      type="button"
      aria-haspopup="menu"
      aria-expanded={false}
      data-state="closed"
      aria-label={t("label")}
      title={t("hint")}
      disabled={menu.disabled}
      onPointerEnter={Menu.preload}
      onFocus={Menu.preload}
      onClick={() => onOpen(false)}
      onKeyDown={onKeyDown}
      className={recentTriggerClasses}
    >
      <History aria-hidden="true" strokeWidth={1.75} className="size-4" />
    </button>
  );
}
