"use client";
import { type ReactNode, Suspense, useEffect, useRef, useState } from "react";
import { Button } from "@/components/ui/button";
import { onDemand } from "@/components/ui/on-demand";
import { Spinner } from "@/components/ui/spinner";

const Question = onDemand(() =>
  import("@/components/ui/confirm-dialog").then((m) => m.ConfirmDialog),
);

/**
 * A button for an action that can't be undone: the press asks first, in an alert dialog. Escape
 * or Cancel take the question back (only the question, not a dialog the button sits in) and
 * focus returns to the button; the confirming button shows progress until the action — and
 * whatever the caller still counts as pending, such as a refresh — is over. The alert dialog's
 * code is fetched on the first press, not with the page.
 */
export function ConfirmButton(props: {
  label: ReactNode;
  /** The trigger's name when `label` is only an icon. */
  name?: string;
  /** A quieter trigger, for a row of icon buttons. */
  ghost?: boolean;
  /** The question, short ("Delete this video?"); "Are you sure?" without it. */
  title?: ReactNode;
  /** What answering yes does, said under the title; "This can't be undone." without it. */
  question?: ReactNode;
  confirmLabel: ReactNode;
  /** The action; its failure is the caller's to show (the question simply closes). */
  onConfirm: () => Promise<unknown>;
  pending?: boolean;
  testId?: string;
}) {
  const trigger = useRef<HTMLButtonElement>(null);
  const [open, setOpen] = useState(false);
  // Kept once asked, so closing lets the question finish as Radix closes it.
  const [asked, setAsked] = useState(false);
  const [working, setWorking] = useState(false);
  // Answered: the dialog closes once the caller's own pending work is over too.
  const [answered, setAnswered] = useState(false);
  const busy = working || (answered && Boolean(props.pending));

  useEffect(() => {
    if (answered && !busy) {
      setAnswered(false);
      setOpen(false);
    }
  }, [answered, busy]);

  async function run() {
    setWorking(true);
    try {
      await props.onConfirm();
    } catch {
      // Shown by the caller, from its own mutation state.
    }
    setWorking(false);
    setAnswered(true);
  }

  return (
    <>
      <Button
        ref={trigger}
        variant={props.ghost ? "ghost" : "danger"}
        size="sm"
        aria-label={props.name}
        title={props.name}
        data-testid={props.testId}
        aria-haspopup="dialog"
        aria-expanded={open}
        disabled={props.pending && !open}
        onPointerEnter={Question.preload}
        onFocus={Question.preload}
        onClick={() => {
          setAsked(true);
          setOpen(true);
        }}
      >
        {props.pending && !open && <Spinner />}
        {props.label}
      </Button>
      {asked && (
        <Suspense fallback={null}>
          <Question.Component
            open={open}
            onOpenChange={(next) => !busy && setOpen(next)}
            trigger={trigger}
            title={props.title}
            question={props.question}
            confirmLabel={props.confirmLabel}
            busy={busy}
            onConfirm={() => void run()}
            testId={props.testId}
          />
        </Suspense>
      )}
    </>
  );
}
