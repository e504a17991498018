"use client";
import { useQueryClient } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { type FormEvent, type KeyboardEvent, type RefObject, useRef, useState } from "react";
import {
  type CollectionSubject,
  collectionKeys,
  useCollectionItem,
  useCollections,
} from "@/components/collections/queries";
import { cn } from "@/components/ui/cn";
import { CheckIcon } from "@/components/ui/icons";
import { Popover, PopoverAnchor, PopoverContent } from "@/components/ui/popover";
import { Spinner } from "@/components/ui/spinner";
import { collectShotAction } from "@/lib/actions/collections/collect-shot";
import { createCollectionAction } from "@/lib/actions/collections/create-collection";
import { ActionError, useActionMutation } from "@/lib/queries/use-action-mutation";

/**
 * The collection menu's popover, fetched on the first press of its button (see
 * collection-menu.tsx) and placed against that button.
 */
export function CollectionMenuPanel(props: {
  slug: string;
  subject: CollectionSubject;
  placement?: "up" | "down";
  open: boolean;
  onOpenChange: (open: boolean) => void;
  trigger: RefObject<HTMLButtonElement | null>;
  /** Opened by a tap or a click rather than from the keyboard. */
  byPointer: boolean;
}) {
  const t = useTranslations("collections");
  const content = useRef<HTMLDivElement>(null);
  // Closed by a press elsewhere: focus stays where that press put it, as with Radix's trigger.
  const interactedOutside = useRef(false);
  return (
    <Popover open={props.open} onOpenChange={props.onOpenChange}>
      <PopoverAnchor virtualRef={props.trigger} />
      <PopoverContent
        side={props.placement === "down" ? "bottom" : "top"}
        aria-label={t("addTo")}
        onKeyDown={moveFocus}
        ref={content}
        onOpenAutoFocus={(e) => {
          // From a tap or a click, focus stays out of the name field, whose phone keyboard would
          // cover the list. From the keyboard, it goes to the first collection.
          e.preventDefault();
          const box = content.current;
          if (props.byPointer) box?.focus();
          else (focusables(box)[0] ?? box)?.focus();
        }}
        onInteractOutside={(e) => {
          // The button toggles the menu itself; a press on it is not a press outside.
          if (e.target instanceof Node && props.trigger.current?.contains(e.target)) {
            e.preventDefault();
          } else {
            interactedOutside.current = true;
          }
        }}
        onCloseAutoFocus={(e) => {
          e.preventDefault();
          if (!interactedOutside.current) props.trigger.current?.focus();
          interactedOutside.current = false;
        }}
      >
        <MenuBody slug={props.slug} subject={props.subject} />
      </PopoverContent>
    </Popover>
  );
}

// The collections, then the name field: what the arrow keys move between, as in a menu.
function focusables(root: HTMLElement | null): HTMLElement[] {
  return [
    ...(root?.querySelectorAll<HTMLElement>('input[type="checkbox"], input[type="text"]') ?? []),
  ];
}

function moveFocus(e: KeyboardEvent<HTMLDivElement>) {
  if (e.key !== "ArrowDown" && e.key !== "ArrowUp") return;
  const items = focusables(e.currentTarget);
  if (items.length === 0) return;
  e.preventDefault();
  const at = items.indexOf(document.activeElement as HTMLElement);
  const step = e.key === "ArrowDown" ? 1 : -1;
  items[(at + step + items.length) % items.length]?.focus();
}

function MenuBody(props: { slug: string; subject: CollectionSubject }) {
  const t = useTranslations("collections");
  const qc = useQueryClient();
  const collections = useCollections(props.slug, props.subject);
  const item = useCollectionItem(props.slug);
  const [name, setName] = useState("");
  const create = useActionMutation(
    async (n: string) => {
      const { subject } = props;
      if (!("shotId" in subject)) {
        return createCollectionAction({
          workspaceSlug: props.slug,
          name: n,
          generationId: subject.generationId,
        });
      }
      // A new collection for a whole shot: made, then every take goes in.
      const made = await createCollectionAction({ workspaceSlug: props.slug, name: n });
      if (!made.ok) return made;
      const filled = await collectShotAction({
        workspaceSlug: props.slug,
        collectionId: made.data.id,
        shotId: subject.shotId,
        add: true,
      });
      return filled.ok ? made : filled;
    },
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
              <label className="flex w-full cursor-pointer items-center gap-2 rounded-md px-2 py-1.5 text-[13px] text-fg hover:bg-muted has-[:focus-visible]:bg-muted">
                <input
                  type="checkbox"
                  checked={c.contains}
                  // Not `disabled`: that would drop keyboard focus from the box just pressed.
                  aria-disabled={item.isPending}
                  onChange={() => {
                    if (item.isPending) return;
                    item.mutate({ collectionId: c.id, subject: props.subject, add: !c.contains });
                  }}
                  className="peer sr-only"
                />
                <span
                  aria-hidden="true"
                  className={cn(
                    "flex size-4 shrink-0 items-center justify-center rounded ring-1 ring-inset",
                    "peer-focus-visible:outline-2 peer-focus-visible:outline-offset-1 peer-focus-visible:outline-accent-500",
                    c.contains
                      ? "bg-accent-600 text-primary-fg ring-accent-600 dark:text-fg"
                      : "ring-line-strong",
                  )}
                >
                  {c.contains && <CheckIcon className="size-3" />}
                </span>
                <span className="min-w-0 flex-1 truncate">{c.name}</span>
                <span className="text-[11px] text-fg-muted tabular-nums">{c.itemCount}</span>
              </label>
            </li>
          ))}
        </ul>
      )}
      <form onSubmit={onCreate} className="mt-1.5 flex gap-1.5 border-t border-line-soft pt-2">
        <input
          type="text"
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
