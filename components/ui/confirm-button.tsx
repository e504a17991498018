"use client";
import { useTranslations } from "next-intl";
import { type ReactNode, useEffect, useRef, useState } from "react";
import { Button } from "@/components/ui/button";
import { Spinner } from "@/components/ui/spinner";

/**
 * A button for an action that can't be undone: the first press only asks, showing Cancel beside
 * the confirming button; the second does it. An unanswered question goes away after a while.
 */
export function ConfirmButton(props: {
  label: ReactNode;
  confirmLabel: ReactNode;
  onConfirm: () => void;
  pending?: boolean;
  variant?: "danger" | "ghost";
  testId?: string;
}) {
  const t = useTranslations("common");
  const [asking, setAsking] = useState(false);
  const confirm = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    if (!asking) return;
    // Keyboard users land on the question's answer, not back on the page's start.
    confirm.current?.focus();
    const timer = setTimeout(() => setAsking(false), 8000);
    return () => clearTimeout(timer);
  }, [asking]);

  if (!asking && !props.pending) {
    return (
      <Button
        variant={props.variant ?? "danger"}
        size="sm"
        data-testid={props.testId}
        onClick={() => setAsking(true)}
      >
        {props.label}
      </Button>
    );
  }
  return (
    <span className="inline-flex shrink-0 items-center gap-1.5">
      <Button variant="ghost" size="sm" disabled={props.pending} onClick={() => setAsking(false)}>
        {t("cancel")}
      </Button>
      <Button
        ref={confirm}
        variant="danger"
        size="sm"
        data-testid={props.testId && `${props.testId}-confirm`}
        disabled={props.pending}
        onClick={() => {
          setAsking(false);
          props.onConfirm();
        }}
      >
        {props.pending && <Spinner />}
        {props.confirmLabel}
      </Button>
    </span>
  );
}
