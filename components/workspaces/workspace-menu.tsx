"use client";
import Link from "next/link";
import { useTranslations } from "next-intl";
import type { ReactNode } from "react";
import { cn } from "@/components/ui/cn";
import {
  DropdownMenu,
  DropdownMenuContent,
  DropdownMenuGroup,
  DropdownMenuItem,
  DropdownMenuLabel,
  DropdownMenuSeparator,
  DropdownMenuTrigger,
} from "@/components/ui/dropdown-menu";
import { CheckIcon, PlusIcon } from "@/components/ui/icons";
import type { OpenedBy } from "@/components/ui/press-to-load";
import type { SwitcherWorkspace } from "@/components/workspaces/workspace-switcher";

/** The workspace menu itself, loaded on the first press of the header's workspace name. */
export function WorkspaceMenu(props: {
  openedBy: OpenedBy | null;
  trigger: { className: string; children: ReactNode };
  current: string;
  workspaces: SwitcherWorkspace[];
}) {
  const t = useTranslations("workspaces");
  return (
    <DropdownMenu defaultOpen={props.openedBy !== null}>
      <DropdownMenuTrigger {...props.trigger} />
      <DropdownMenuContent
        align="start"
        focusFirstItem={props.openedBy === "keyboard"}
        className="w-[min(280px,calc(100vw-2rem))]"
      >
        <DropdownMenuGroup>
          <DropdownMenuLabel className="text-[11px] tracking-wide uppercase">
            {t("switcher.heading")}
          </DropdownMenuLabel>
          <div className="max-h-[50vh] overflow-y-auto">
            {props.workspaces.map((w) => (
              <DropdownMenuItem key={w.slug} asChild>
                <Link
                  href={`/w/${encodeURIComponent(w.slug)}`}
                  aria-current={w.slug === props.current ? "page" : undefined}
                  className={cn("text-fg-soft", w.slug === props.current && "text-fg")}
                >
                  <span className="min-w-0 flex-1">
                    <span className="block truncate font-medium">{w.name}</span>
                    <span className="block text-xs text-fg-muted">
                      {w.personal ? t("switcher.personal") : t(`roles.${roleKey(w.role)}`)}
                    </span>
                  </span>
                  {w.slug === props.current && <CheckIcon className="size-4 text-accent-600" />}
                </Link>
              </DropdownMenuItem>
            ))}
          </div>
        </DropdownMenuGroup>
        <DropdownMenuSeparator />
        <DropdownMenuItem asChild>
          <Link href="/w/new" className="font-medium text-fg-soft">
            <PlusIcon className="size-4 text-fg-muted" />
            {t("switcher.new")}
          </Link>
        </DropdownMenuItem>
      </DropdownMenuContent>
    </DropdownMenu>
  );
}

function roleKey(role: string): "owner" | "admin" | "member" | "viewer" {
  return role === "owner" || role === "admin" || role === "member" ? role : "viewer";
}
