"use client";
import * as ToastPrimitive from "@radix-ui/react-toast";
import Link from "next/link";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { cn } from "@/components/ui/cn";
import { AlertIcon, InfoIcon, SuccessIcon, XIcon } from "@/components/ui/icons";
import { forgetNotice, type Notice } from "@/components/ui/notices/store";

const ICONS = { success: SuccessIcon, error: AlertIcon, info: InfoIcon } as const;
const ICON_COLOURS = { success: "text-success", error: "text-danger", info: "text-info" } as const;

/**
 * The notices, as Radix toasts: announced politely (an error assertively), paused while hovered
 * or focused, dismissed by swipe, Esc or the close button, and reachable with F8.
 */
export function Toaster(props: { notices: readonly Notice[] }) {
  const t = useTranslations("notices");
  return (
    <ToastPrimitive.Provider label={t("region")} swipeDirection="right">
      {props.notices.map((notice) => (
        <NoticeToast key={notice.id} notice={notice} closeLabel={t("close")} />
      ))}
      <ToastPrimitive.Viewport
        label={t("viewport", { hotkey: "F8" })}
        // Top on a phone, where the folded editor sits at the bottom; bottom right elsewhere.
        className="fixed inset-x-0 top-0 z-[100] m-0 flex max-h-dvh list-none flex-col gap-2 p-3 outline-none sm:inset-x-auto sm:top-auto sm:right-0 sm:bottom-0 sm:w-96 sm:p-4"
      />
    </ToastPrimitive.Provider>
  );
}

function NoticeToast({ notice, closeLabel }: { notice: Notice; closeLabel: string }) {
  const [open, setOpen] = useState(true);
  const Icon = ICONS[notice.tone];
  return (
    <ToastPrimitive.Root
      open={open}
      onOpenChange={(next) => {
        setOpen(next);
        // Forgotten once its closing animation (150 ms at most) is over.
        if (!next) setTimeout(() => forgetNotice(notice.id), 300);
      }}
      // Errors stay longer and interrupt; the rest wait their turn.
      type={notice.tone === "error" ? "foreground" : "background"}
      duration={notice.tone === "error" ? 8_000 : 4_000}
      className={cn(
        "flex items-start gap-3 rounded-xl bg-surface p-3 pr-2 text-sm text-fg shadow-lg ring-1 ring-line",
        "data-[swipe=move]:translate-x-(--radix-toast-swipe-move-x) data-[swipe=cancel]:translate-x-0 data-[swipe=cancel]:transition-transform",
        "motion-safe:data-[state=open]:animate-notice-in motion-safe:data-[state=closed]:animate-notice-out motion-safe:data-[swipe=end]:animate-notice-swipe-out",
      )}
      data-testid="notice"
      data-tone={notice.tone}
    >
      <Icon className={cn("mt-0.5 size-4 shrink-0", ICON_COLOURS[notice.tone])} />
      <ToastPrimitive.Description className="min-w-0 flex-1 leading-snug">
        {notice.message}
      </ToastPrimitive.Description>
      {notice.action && (
        <ToastPrimitive.Action altText={notice.action.label} asChild>
          <Link
            href={notice.action.href}
            className="-my-1 shrink-0 rounded-md px-2 py-1 font-medium text-accent-700 underline-offset-2 hover:underline focus-visible:outline-2 focus-visible:outline-accent-500"
          >
            {notice.action.label}
          </Link>
        </ToastPrimitive.Action>
      )}
      <ToastPrimitive.Close
        aria-label={closeLabel}
        className="-my-1 grid size-7 shrink-0 place-items-center rounded-md text-fg-muted hover:bg-muted hover:text-fg focus-visible:outline-2 focus-visible:outline-accent-500"
      >
        <XIcon className="size-4" />
      </ToastPrimitive.Close>
    </ToastPrimitive.Root>
  );
}
