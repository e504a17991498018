"use client";
import { useQueryClient } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import {
  type CSSProperties,
  type FormEvent,
  type KeyboardEvent as ReactKeyboardEvent,
  useCallback,
  useEffect,
  useId,
  useRef,
  useState,
} from "react";
import {
  collectionKeys,
  useCollectionItem,
  useCollections,
} from "@/components/collections/queries";
import { cn } from "@/components/ui/cn";
import { CheckIcon, FolderPlusIcon } from "@/components/ui/icons";
import { Spinner } from "@/components/ui/spinner";
import { createCollectionAction } from "@/lib/actions/collections/create-collection";
import { ActionError, useActionMutation } from "@/lib/queries/use-action-mutation";

/** "Add to collection": tick the collections that should hold this video, or make a new one. */
export function CollectionMenu(props: {
  slug: string;
  generationId: string;
  /** Open upwards (a card's footer) or downwards (the detail view). */
  placement?: "up" | "down";
  variant?: "icon" | "button";
}) {
  const t = useTranslations("collections");
  const [open, setOpen] = useState(false);
  // Fixed to the viewport, from the button's place: a card clips anything inside it.
  const [position, setPosition] = useState<CSSProperties>({});
  const root = useRef<HTMLDivElement>(null);
  const button = useRef<HTMLButtonElement>(null);
  const popover = useRef<HTMLDivElement>(null);
  const focusOnOpen = useRef(false);
  const menuId = useId();

  useEffect(() => {
    if (!open || !focusOnOpen.current) return;
    focusOnOpen.current = false;
    const frame = requestAnimationFrame(() => focusables(popover.current)[0]?.focus());
    return () => cancelAnimationFrame(frame);
  }, [open]);
  const placement = props.placement;
  const menuPosition = useCallback((): CSSProperties => {
    const r = button.current?.getBoundingClientRect();
    if (!r) return {};
    const right = Math.max(8, window.innerWidth - r.right);
    return placement === "down"
      ? { right, top: r.bottom + 6 }
      : { right, bottom: window.innerHeight - r.top + 6 };
  }, [placement]);

  useEffect(() => {
    if (!open) return;
    const onDown = (e: PointerEvent) => {
      if (!root.current?.contains(e.target as Node)) setOpen(false);
    };
    const onKey = (e: KeyboardEvent) => {
      if (e.key !== "Escape") return;
      setOpen(false);
      button.current?.focus();
    };
    // The menu follows its button rather than closing: on a phone, typing a new collection's
    // name opens the keyboard, which resizes and scrolls the window.
    const follow = () => setPosition(menuPosition());
    document.addEventListener("pointerdown", onDown);
    document.addEventListener("keydown", onKey);
    window.addEventListener("resize", follow);
    window.addEventListener("scroll", follow, { passive: true });
    return () => {
      document.removeEventListener("pointerdown", onDown);
      document.removeEventListener("keydown", onKey);
      window.removeEventListener("resize", follow);
      window.removeEventListener("scroll", follow);
    };
  }, [open, menuPosition]);

  return (
    // biome-ignore lint/a11y/noStaticElementInteractions: Tab leaving the menu closes it
    <div
      ref={root}
      className="relative z-10"
      onBlur={(e) => {
        // Focus moved to something outside (Tab past the last field); a click on the menu's
        // own blank space moves it nowhere and keeps it open.
        const next = e.relatedTarget;
        if (open && next instanceof Node && !root.current?.contains(next)) setOpen(false);
      }}
    >
      <button
        type="button"
        data-testid="collection-menu-button"
        aria-expanded={open}
        aria-controls={menuId}
        aria-label={t("addTo")}
        title={t("addTo")}
        ref={button}
        onClick={(e) => {
          setPosition(menuPosition());
          setOpen((v) => !v);
          // Opened from the keyboard (a click without a pointer): focus goes into the menu. Not on
          // a tap, which would open a phone's keyboard over it.
          if (e.detail === 0) focusOnOpen.current = true;
        }}
        className={cn(
          "inline-flex items-center justify-center gap-2 transition-colors focus-visible:outline-2 focus-visible:outline-accent-500",
          props.variant === "button"
            ? "h-9 w-full rounded-lg bg-surface px-3.5 sm:w-auto text-sm font-medium text-fg shadow-xs ring-1 ring-inset ring-line hover:bg-canvas"
            : "size-8 rounded-md text-fg-muted hover:bg-muted hover:text-fg",
        )}
      >
        <FolderPlusIcon className="size-4" />
        {props.variant === "button" && t("addTo")}
      </button>
      {open && (
        // biome-ignore lint/a11y/noStaticElementInteractions: arrow keys move between its items
        <div
          id={menuId}
          ref={popover}
          style={position}
          onKeyDown={moveFocus}
          className="fixed z-40 w-64 max-w-[calc(100vw-1rem)] rounded-xl bg-surface p-2 shadow-lg ring-1 ring-line"
        >
          <MenuBody slug={props.slug} generationId={props.generationId} />
        </div>
      )}
    </div>
  );
}

// The menu's collections, then its name field: what the arrow keys move between.
function focusables(menu: HTMLElement | null): HTMLElement[] {
  return [...(menu?.querySelectorAll<HTMLElement>('[role="menuitemcheckbox"], input') ?? [])];
}

function moveFocus(e: ReactKeyboardEvent<HTMLDivElement>) {
  if (e.key !== "ArrowDown" && e.key !== "ArrowUp") return;
  const items = focusables(e.currentTarget);
  if (items.length === 0) return;
  e.preventDefault();
  const at = items.indexOf(document.activeElement as HTMLElement);
  const step = e.key === "ArrowDown" ? 1 : -1;
  items[(at + step + items.length) % items.length]?.focus();
}

function MenuBody(props: { slug: string; generationId: string }) {
  const t = useTranslations("collections");
  const qc = useQueryClient();
  const collections = useCollections(props.slug, props.generationId);
  const item = useCollectionItem(props.slug);
  const [name, setName] = useState("");
  const create = useActionMutation(
    (n: string) =>
      createCollectionAction({
        workspaceSlug: props.slug,
        name: n,
        generationId: props.generationId,
      }),
    {
      onSuccess: () => {
        setName("");
        void qc.invalidateQueries({ queryKey: collectionKeys.all(props.slug) });
      },
    },
  );

  function onCreate(e: FormEvent) {
    e.preventDefault();
    if (name.trim()) create.mutate(name.trim());
  }

  const error = item.error ?? create.error;
  return (
    <div>
      <p className="px-2 pt-1 pb-1.5 text-[11px] font-medium tracking-wide text-fg-muted uppercase">
        {t("addTo")}
      </p>
      {collections.isPending ? (
        <div className="flex justify-center py-3">
          <Spinner className="text-fg-subtle" />
        </div>
      ) : (
        <ul className="max-h-56 overflow-y-auto">
          {collections.data?.length === 0 && (
            <li className="px-2 py-1.5 text-[13px] text-fg-muted">{t("noneYet")}</li>
          )}
          {collections.data?.map((c) => (
            <li key={c.id}>
              <button
                type="button"
                role="menuitemcheckbox"
                aria-checked={c.contains}
                // Not `disabled`: that would drop keyboard focus from the item just pressed.
                aria-disabled={item.isPending}
                onClick={() => {
                  if (item.isPending) return;
                  item.mutate({
                    collectionId: c.id,
                    generationId: props.generationId,
                    add: !c.contains,
                  });
                }}
                className="flex w-full items-center gap-2 rounded-md px-2 py-1.5 text-left text-[13px] text-fg hover:bg-canvas aria-disabled:opacity-60"
              >
                <span
                  className={cn(
                    "flex size-4 shrink-0 items-center justify-center rounded ring-1 ring-inset",
                    c.contains ? "bg-accent-600 text-white ring-accent-600" : "ring-line-strong",
                  )}
                >
                  {c.contains && <CheckIcon className="size-3" />}
                </span>
                <span className="min-w-0 flex-1 truncate">{c.name}</span>
                <span className="text-[11px] text-fg-muted tabular-nums">{c.itemCount}</span>
              </button>
            </li>
          ))}
        </ul>
      )}
      <form onSubmit={onCreate} className="mt-1.5 flex gap-1.5 border-t border-line-soft pt-2">
        <input
          value={name}
          onChange={(e) => setName(e.target.value)}
          maxLength={80}
          placeholder={t("newPlaceholder")}
          aria-label={t("newPlaceholder")}
          className="h-8 min-w-0 flex-1 rounded-md bg-canvas px-2 text-[13px] ring-1 ring-inset ring-line focus:bg-surface focus:ring-2 focus:ring-accent-500 focus:outline-none"
        />
        <button
          type="submit"
          disabled={!name.trim() || create.isPending}
          className="h-8 shrink-0 rounded-md bg-primary px-2.5 text-[13px] font-medium text-primary-fg disabled:bg-line-strong"
        >
          {t("create")}
        </button>
      </form>
      {error && (
        <p role="alert" className="px-2 pt-1.5 text-xs text-danger">
          {error instanceof ActionError && error.code === "conflict" ? t("nameTaken") : t("error")}
        </p>
      )}
    </div>
  );
}
