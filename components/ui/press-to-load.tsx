"use client";
import {
  type ComponentProps,
  type ComponentType,
  type KeyboardEvent,
  useRef,
  useState,
} from "react";

/**
 * For a menu, select or popover, whose trigger has to be the primitive's own: until it is first
 * wanted, the page shows a stand-in trigger that looks and is named the same, the primitive's
 * code is fetched on hover or focus, and the press mounts it already open. Once fetched, later
 * mounts use it at once. A page's first load then carries none of the primitive's code, only
 * the stand-in's few lines.
 */
export interface PressToLoad<P extends object> {
  /** The component once fetched. */
  loaded(): ComponentType<P> | undefined;
  fetch(): Promise<ComponentType<P>>;
  preload(): void;
}

export function pressToLoad<P extends object>(
  load: () => Promise<ComponentType<P>>,
): PressToLoad<P> {
  let loaded: ComponentType<P> | undefined;
  let pending: Promise<ComponentType<P>> | undefined;
  const fetch = () => {
    pending ??= load().then(
      (component) => {
        loaded = component;
        return component;
      },
      (error: unknown) => {
        // A fetch that failed (offline for a moment) is tried again on the next press.
        pending = undefined;
        throw error;
      },
    );
    return pending;
  };
  return { loaded: () => loaded, fetch, preload: () => void fetch().catch(() => {}) };
}

/** How the stand-in was pressed, for the real component to open as its own trigger would. */
export type OpenedBy = "pointer" | "keyboard";

/**
 * The component to render, if fetched; how it should mount (`openedBy`: open, as pressed; null:
 * closed, fetched earlier); and the stand-in trigger's handlers: a click, Enter, Space or an
 * arrow key opens it.
 */
export function usePressToLoad<P extends object>(loader: PressToLoad<P>) {
  const [Component, setComponent] = useState<ComponentType<P> | undefined>(loader.loaded);
  const [openedBy, setOpenedBy] = useState<OpenedBy | null>(null);
  // Enter and Space reach onClick too; the key press before it says it was the keyboard.
  const lastInput = useRef<OpenedBy>("pointer");
  const press = () => {
    const by = lastInput.current;
    void loader.fetch().then(
      (component) => {
        setOpenedBy(by);
        setComponent(() => component);
      },
      () => {},
    );
  };
  const standIn = {
    onPointerEnter: loader.preload,
    onFocus: loader.preload,
    onPointerDown: () => {
      lastInput.current = "pointer";
    },
    onClick: press,
    onKeyDown: (event: KeyboardEvent) => {
      lastInput.current = "keyboard";
      if (event.key === "ArrowDown" || event.key === "ArrowUp") {
        event.preventDefault();
        press();
      }
    },
  };
  return { Component, openedBy, standIn };
}

type StandInHandlers = ReturnType<typeof usePressToLoad>["standIn"];

/**
 * The stand-in trigger: a closed menu button, popover button or select, named and styled as the
 * primitive's own trigger will be. A select's trigger is a combobox, as Radix's is.
 */
export function StandInTrigger({
  opens,
  handlers,
  ...props
}: Omit<ComponentProps<"button">, "type"> & {
  opens: "menu" | "dialog" | "listbox";
  handlers: StandInHandlers;
}) {
  const role =
    opens === "listbox"
      ? ({ role: "combobox", "aria-autocomplete": "none" } as const)
      : ({ "aria-haspopup": opens } as const);
  return (
    <button
      type="button"
      {...role}
      aria-expanded={false}
      data-state="closed"
      {...props}
      {...handlers}
    />
  );
}
