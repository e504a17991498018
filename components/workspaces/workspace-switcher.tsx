"use client";
import Link from "next/link";
import { useTranslations } from "next-intl";
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
import { CheckIcon, ChevronsUpDownIcon, PlusIcon } from "@/components/ui/icons";

export interface SwitcherWorkspace {
  name: string;
  slug: string;
  personal: boolean;
  role: string;
}

/** The current workspace's name; opens a menu of the person's workspaces and "New workspace". */
export function WorkspaceSwitcher(props: { current: string; workspaces: SwitcherWorkspace[] }) {
  const t = useTranslations("workspaces");
  const current = props.workspaces.find((w) => w.slug === props.current);

  return (
    <DropdownMenu>
      <DropdownMenuTrigger className="flex h-8 max-w-[220px] min-w-0 shrink items-center gap-1.5 rounded-md px-2 text-sm font-medium text-fg-soft hover:bg-muted hover:text-fg focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-accent-500 data-[state=open]:bg-muted sm:max-w-[300px]">
        <span className="sr-only">{t("switcher.label")}: </span>
        <span className="truncate">{current?.name ?? props.current}</span>
        <ChevronsUpDownIcon className="size-3.5 shrink-0 text-fg-muted" />
      </DropdownMenuTrigger>
      <DropdownMenuContent align="start" className="w-[min(280px,calc(100vw-2rem))]">
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
