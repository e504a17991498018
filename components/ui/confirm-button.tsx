"use client";
import { useTranslations } from "next-intl";
import { type ReactNode, useEffect, useRef, useState } from "react";
import { Button } from "@/components/ui/button";
import { cn } from "@/components/ui/cn";
import { Spinner } from "@/components/ui/spinner";

/**
 * A button for an action that can't be undone: the first press only asks, showing Cancel beside
 * the confirming button; the second does it. The question stays until it is answered (Escape
 * or Cancel take it back), and the confirming button shows progress until the action — and
 * whatever the caller still counts as pending, such as a refresh — is over.
 */
export function ConfirmButton(props: {
  label: ReactNode;
  /** The trigger's name when `label` is only an icon. */
  name?: string;
  /** A quieter trigger, for a row of icon buttons. */
  ghost?: boolean;
  /** What the second press will do, said beside it. */
  question?: ReactNode;
  /** The question on a line of its own above the buttons, for a narrow column. */
  stacked?: boolean;
  confirmLabel: ReactNode;
  /** The action; its failure is the caller's to show (the question simply closes). */
  onConfirm: () => Promise<unknown>;
  pending?: boolean;
  testId?: string;
}) {
  const t = useTranslations("common");
  const [stage, setStage] = useState<"idle" | "asking" | "working">("idle");
  const trigger = useRef<HTMLButtonElement>(null);
  const confirm = useRef<HTMLButtonElement>(null);
  // Where focus goes when the question closes without the row going away.
  const refocus = useRef(false);

  useEffect(() => {
    if (stage === "asking") confirm.current?.focus();
    if (stage === "idle" && refocus.current) {
      refocus.current = false;
      trigger.current?.focus();
    }
  }, [stage]);

  const cancel = () => {
    refocus.current = true;
    setStage("idle");
  };

  async function run() {
    setStage("working");
    try {
      await props.onConfirm();
    } catch {
      // Shown by the caller, from its own mutation state.
    }
    refocus.current = true;
    setStage("idle");
  }

  if (stage === "idle" && !props.pending) {
    return (
      <Button
        ref={trigger}
        variant={props.ghost ? "ghost" : "danger"}
        size="sm"
        aria-label={props.name}
        title={props.name}
        data-testid={props.testId}
        onClick={() => setStage("asking")}
      >
        {props.label}
      </Button>
    );
  }
  const busy = stage === "working" || Boolean(props.pending);
  return (
    // biome-ignore lint/a11y/noStaticElementInteractions: Escape here only takes back the question
    <span
      className={cn(
        "flex-wrap items-center justify-end gap-1.5",
        // With a question, a line of its own in a wrapping row; else in place of the button.
        props.question ? "flex basis-full" : "inline-flex",
      )}
      onKeyDown={(e) => {
        if (e.key === "Escape" && !busy) {
          // Only the question closes, not a dialog the button may sit in.
          e.preventDefault();
          e.stopPropagation();
          cancel();
        }
      }}
    >
      {props.question && (
        <span
          className={cn(
            "min-w-0 flex-1 text-xs leading-5 text-fg-muted",
            props.stacked ? "basis-full" : "basis-60 sm:text-right",
          )}
        >
          {props.question}
        </span>
      )}
      <Button variant="ghost" size="sm" disabled={busy} onClick={cancel}>
        {t("cancel")}
      </Button>
      <Button
        ref={confirm}
        variant="danger"
        size="sm"
        data-testid={props.testId && `${props.testId}-confirm`}
        disabled={busy}
        onClick={() => void run()}
      >
        {busy && <Spinner />}
        {props.confirmLabel}
      </Button>
    </span>
  );
}
