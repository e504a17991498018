"use client";
import { useTranslations } from "next-intl";
import { type ReactNode, useEffect, useRef, useState } from "react";
import { Button } from "@/components/ui/button";
import { Spinner } from "@/components/ui/spinner";

/**
 * A button for an action that can't be undone: the first press only asks, showing Cancel beside
 * the confirming button; the second does it. The question stays until it is answered (Escape
 * or Cancel take it back), and the confirming button shows progress until the action — and
 * whatever the caller still counts as pending, such as a refresh — is over.
 */
export function ConfirmButton(props: {
  label: ReactNode;
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
        variant="danger"
        size="sm"
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
      className="inline-flex shrink-0 items-center gap-1.5"
      onKeyDown={(e) => {
        if (e.key === "Escape" && !busy) {
          // Only the question closes, not a dialog the button may sit in.
          e.preventDefault();
          e.stopPropagation();
          cancel();
        }
      }}
    >
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
