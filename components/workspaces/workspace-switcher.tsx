"use client";
import Link from "next/link";
import { useTranslations } from "next-intl";
import { useEffect, useId, useRef, useState } from "react";
import { cn } from "@/components/ui/cn";
import { CheckIcon, ChevronsUpDownIcon, PlusIcon } from "@/components/ui/icons";

export interface SwitcherWorkspace {
  name: string;
  slug: string;
  personal: boolean;
  role: string;
}

/** The current workspace's name; opens a list of the person's workspaces and "New workspace". */
export function WorkspaceSwitcher(props: { current: string; workspaces: SwitcherWorkspace[] }) {
  const t = useTranslations("workspaces");
  const [open, setOpen] = useState(false);
  const root = useRef<HTMLDivElement>(null);
  const menuId = useId();
  const current = props.workspaces.find((w) => w.slug === props.current);

  useEffect(() => {
    if (!open) return;
    const onPointer = (e: PointerEvent) => {
      if (!root.current?.contains(e.target as Node)) setOpen(false);
    };
    const onKey = (e: KeyboardEvent) => {
      if (e.key === "Escape") setOpen(false);
    };
    document.addEventListener("pointerdown", onPointer);
    document.addEventListener("keydown", onKey);
    return () => {
      document.removeEventListener("pointerdown", onPointer);
      document.removeEventListener("keydown", onKey);
    };
  }, [open]);

  return (
    <div ref={root} className="relative flex min-w-0">
      <button
        type="button"
        aria-expanded={open}
        aria-controls={menuId}
        onClick={() => setOpen((o) => !o)}
        className="flex h-8 max-w-[220px] min-w-0 shrink items-center gap-1.5 rounded-md px-2 text-sm font-medium text-fg-soft hover:bg-muted hover:text-fg focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-accent-500 sm:max-w-[300px]"
      >
        <span className="sr-only">{t("switcher.label")}: </span>
        <span className="truncate">{current?.name ?? props.current}</span>
        <ChevronsUpDownIcon className="size-3.5 shrink-0 text-fg-muted" />
      </button>
      {open && (
        <div
          id={menuId}
          className="absolute top-full left-0 z-40 mt-1.5 w-[min(280px,calc(100vw-2rem))] rounded-xl bg-surface p-1.5 shadow-lg ring-1 ring-line"
        >
          <p className="px-2.5 pt-1.5 pb-1 text-[11px] font-medium tracking-wide text-fg-muted uppercase">
            {t("switcher.heading")}
          </p>
          <ul className="max-h-[50vh] overflow-y-auto">
            {props.workspaces.map((w) => (
              <li key={w.slug}>
                <Link
                  href={`/w/${encodeURIComponent(w.slug)}`}
                  aria-current={w.slug === props.current ? "page" : undefined}
                  onClick={() => setOpen(false)}
                  className={cn(
                    "flex items-center gap-2 rounded-lg px-2.5 py-2 text-sm text-fg-soft hover:bg-canvas focus-visible:outline-2 focus-visible:outline-accent-500",
                    w.slug === props.current && "bg-canvas text-fg",
                  )}
                >
                  <span className="min-w-0 flex-1">
                    <span className="block truncate font-medium">{w.name}</span>
                    <span className="block text-xs text-fg-muted">
                      {w.personal ? t("switcher.personal") : t(`roles.${roleKey(w.role)}`)}
                    </span>
                  </span>
                  {w.slug === props.current && <CheckIcon className="size-4 text-accent-600" />}
                </Link>
              </li>
            ))}
          </ul>
          <div className="mt-1 border-t border-line-soft pt-1">
            <Link
              href="/w/new"
              onClick={() => setOpen(false)}
              className="flex items-center gap-2 rounded-lg px-2.5 py-2 text-sm font-medium text-fg-soft hover:bg-canvas focus-visible:outline-2 focus-visible:outline-accent-500"
            >
              <PlusIcon className="size-4 text-fg-muted" />
              {t("switcher.new")}
            </Link>
          </div>
        </div>
      )}
    </div>
  );
}

function roleKey(role: string): "owner" | "admin" | "member" | "viewer" {
  return role === "owner" || role === "admin" || role === "member" ? role : "viewer";
}
