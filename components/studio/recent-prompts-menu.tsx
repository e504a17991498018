"use client";
import { useQuery } from "@tanstack/react-query";
import { History } from "lucide-react";
import { useTranslations } from "next-intl";
import { type RefObject, useEffect, useRef } from "react";
import { unwrap } from "@/components/collections/queries";
import { useModelText } from "@/components/models/use-model-text";
import { recentTriggerClasses } from "@/components/studio/recent-prompts";
import {
  DropdownMenu,
  DropdownMenuContent,
  DropdownMenuItem,
  DropdownMenuLabel,
  DropdownMenuTrigger,
} from "@/components/ui/dropdown-menu";
import { RelativeTime } from "@/components/ui/local-time";
import { Spinner } from "@/components/ui/spinner";
import { listRecentPromptsAction } from "@/lib/actions/generations/list-recent-prompts";
import type { RecentPrompt } from "@/lib/generations/recent-prompts";
import { recentPromptsKey } from "@/lib/queries/recent-prompts-key";

/**
 * The menu behind the Recent button (components/studio/recent-prompts.tsx): the person's latest prompts in this workspace, with the optimizer and takes they were
 * pressed with; one brings them all back. Fetched when the menu opens, not with the page.
 */
export function RecentPromptsMenu(props: {
  slug: string;
  open: boolean;
  onOpenChange: (open: boolean) => void;
  onPick: (recent: RecentPrompt) => void;
  /** Opened from the keyboard in the prompt box (↑): focus goes to the first prompt. */
  fromKeyboard: boolean;
  /** Where focus goes after a pick, or after a menu opened with ↑ closes: the prompt box. */
  promptBox: RefObject<HTMLTextAreaElement | null>;
  disabled?: boolean;
}) {
  const t = useTranslations("recent");
  const modelText = useModelText();
  const picked = useRef(false);
  const recent = useQuery({
    queryKey: recentPromptsKey(props.slug),
    queryFn: () => unwrap(listRecentPromptsAction({ workspaceSlug: props.slug })),
    enabled: props.open,
    staleTime: 0,
  });
  // Opened with ↑: the newest prompt takes focus once the list has come (the menu opens first,
  // on "Loading…").
  const content = useRef<HTMLDivElement>(null);
  const loaded = recent.data !== undefined;
  useEffect(() => {
    if (!props.open || !props.fromKeyboard || !loaded) return;
    const frame = requestAnimationFrame(() => {
      const menu = content.current;
      if (menu?.contains(document.activeElement) && document.activeElement !== menu) return;
      menu?.querySelector<HTMLElement>('[role="menuitem"]:not([data-disabled])')?.focus();
    });
    return () => cancelAnimationFrame(frame);
  }, [props.open, props.fromKeyboard, loaded]);
  return (
    <DropdownMenu open={props.open} onOpenChange={props.onOpenChange}>
      <DropdownMenuTrigger
        disabled={props.disabled}
        aria-label={t("label")}
        title={t("hint")}
        className={recentTriggerClasses}
      >
        <History aria-hidden="true" strokeWidth={1.75} className="size-4" />
      </DropdownMenuTrigger>
      <DropdownMenuContent
        ref={content}
        align="end"
        focusFirstItem={props.fromKeyboard}
        onCloseAutoFocus={(event) => {
          if (!picked.current && !props.fromKeyboard) return;
          picked.current = false;
          event.preventDefault();
          props.promptBox.current?.focus();
        }}
        className="w-[min(22rem,calc(100vw-2rem))]"
      >
        <DropdownMenuLabel>{t("title")}</DropdownMenuLabel>
        {recent.isPending ? (
          <DropdownMenuItem disabled>
            <Spinner className="size-3.5" />
            {t("loading")}
          </DropdownMenuItem>
        ) : recent.isError ? (
          <DropdownMenuItem disabled>{t("error")}</DropdownMenuItem>
        ) : recent.data.length === 0 ? (
          <DropdownMenuItem disabled className="text-[13px] leading-5">
            {t("empty")}
          </DropdownMenuItem>
        ) : (
          recent.data.map((r) => (
            <DropdownMenuItem
              key={`${r.promptOptimizer}${r.prompt}`}
              data-testid="recent-prompt"
              onSelect={() => {
                picked.current = true;
                props.onPick(r);
              }}
              className="flex-col items-start gap-0.5"
            >
              <span className="line-clamp-2 text-[13px] leading-5 break-words text-fg">
                {r.prompt}
              </span>
              <span className="text-[11px] text-fg-muted">
                {[
                  modelText.summary(r),
                  r.promptOptimizer ? t("optimizerOn") : t("optimizerOff"),
                  t("takes", { takes: r.takes }),
                ].join(" · ")}{" "}
                · <RelativeTime iso={r.createdAt} />
              </span>
            </DropdownMenuItem>
          ))
        )}
      </DropdownMenuContent>
    </DropdownMenu>
  );
}
