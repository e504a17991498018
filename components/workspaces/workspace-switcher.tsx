"use client";
import { useTranslations } from "next-intl";
import { ChevronsUpDownIcon } from "@/components/ui/icons";
import { pressToLoad, StandInTrigger, usePressToLoad } from "@/components/ui/press-to-load";

export interface SwitcherWorkspace {
  name: string;
  slug: string;
  personal: boolean;
  role: string;
}

const Menu = pressToLoad(() =>
  import("@/components/workspaces/workspace-menu").then((m) => m.WorkspaceMenu),
);

/** The current workspace's name; opens a menu of the person's workspaces and "New workspace". */
export function WorkspaceSwitcher(props: { current: string; workspaces: SwitcherWorkspace[] }) {
  const t = useTranslations("workspaces");
  const { Component, openedBy, standIn } = usePressToLoad(Menu);
  const current = props.workspaces.find((w) => w.slug === props.current);
  const trigger = {
    className:
      "flex h-8 max-w-[220px] min-w-0 shrink items-center gap-1.5 rounded-md px-2 text-sm font-medium text-fg-soft hover:bg-muted hover:text-fg focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-accent-500 data-[state=open]:bg-muted sm:max-w-[300px]",
    children: (
      <>
        <span className="sr-only">{t("switcher.label")}: </span>
        <span className="truncate">{current?.name ?? props.current}</span>
        <ChevronsUpDownIcon className="size-3.5 shrink-0 text-fg-muted" />
      </>
    ),
  };
  if (Component) {
    return (
      <Component
        openedBy={openedBy}
        trigger={trigger}
        current={props.current}
        workspaces={props.workspaces}
      />
    );
  }
  return <StandInTrigger opens="menu" handlers={standIn} {...trigger} />;
}
