"use client";
import { PanelTopOpen, SquarePen } from "lucide-react";
import { useTranslations } from "next-intl";
import { createContext, type ReactNode, useCallback, useContext, useMemo, useRef } from "react";
import { useLayoutPref } from "@/components/studio/use-layout-pref";
import { cn } from "@/components/ui/cn";
import { EDITOR_COOKIE, type EditorState } from "@/lib/studio/layout-prefs";

const WIDE = "(min-width: 64rem)";
const EDITOR_ID = "editor";

interface EditorFold {
  /** Folds the editor to its bar; on a wide screen the choice is kept for the next visit. */
  collapse: () => void;
}

const EditorFoldContext = createContext<EditorFold | null>(null);

/** For the editor's own "collapse" button; null where the editor can't fold (nothing to do). */
export function useEditorFold(): EditorFold | null {
  return useContext(EditorFoldContext);
}

/**
 * The studio page's frame: the editor beside the gallery on a wide screen, or folded to a bar
 * above it, as the person left it. On a phone the editor starts as a bar, so the first videos
 * are on the first screen; opening it there is for this visit only.
 */
export function StudioLayout(props: {
  editor: ReactNode;
  gallery: ReactNode;
  initialEditor: EditorState;
}) {
  const t = useTranslations("editor");
  const [state, setState] = useLayoutPref<EditorState>(EDITOR_COOKIE, props.initialEditor);
  const bar = useRef<HTMLButtonElement>(null);

  const wide = () => window.matchMedia(WIDE).matches;
  const expand = () => {
    if (wide()) setState("auto");
    else setState("open", { remember: false });
    requestAnimationFrame(() => document.getElementById("prompt")?.focus());
  };
  const collapse = useCallback(() => {
    if (window.matchMedia(WIDE).matches) setState("collapsed");
    else setState("auto", { remember: false });
    requestAnimationFrame(() => bar.current?.focus());
  }, [setState]);
  const fold = useMemo(() => ({ collapse }), [collapse]);

  return (
    <div
      className={cn(
        "grid items-start gap-4 lg:gap-8",
        state !== "collapsed" && "lg:grid-cols-[minmax(340px,400px)_minmax(0,1fr)]",
      )}
    >
      <button
        ref={bar}
        type="button"
        aria-expanded={false}
        aria-controls={EDITOR_ID}
        onClick={expand}
        className={cn(
          "group flex h-12 w-full items-center gap-3 rounded-2xl bg-surface px-4 text-left shadow-sm ring-1 ring-line/80 transition-colors hover:ring-line-strong",
          "focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-accent-500",
          state === "open" && "hidden",
          state === "auto" && "lg:hidden",
        )}
      >
        <SquarePen aria-hidden="true" className="size-4 shrink-0 text-accent-600" />
        <span className="text-[15px] font-semibold tracking-tight text-fg">{t("title")}</span>
        <span className="hidden min-w-0 truncate text-[13px] text-fg-muted sm:inline">
          {t("barHint")}
        </span>
        <PanelTopOpen
          aria-hidden="true"
          className="ml-auto size-4 shrink-0 text-fg-muted group-hover:text-fg"
        />
      </button>
      <div
        id={EDITOR_ID}
        className={cn(
          "lg:sticky lg:top-[80px]",
          state === "auto" && "max-lg:hidden",
          state === "collapsed" && "hidden",
        )}
      >
        <EditorFoldContext value={fold}>{props.editor}</EditorFoldContext>
      </div>
      {props.gallery}
    </div>
  );
}
