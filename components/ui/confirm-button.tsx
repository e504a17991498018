"use client";
import { useTranslations } from "next-intl";
import { type ReactNode, useEffect, useState } from "react";
import {
  AlertDialog,
  AlertDialogAction,
  AlertDialogCancel,
  AlertDialogContent,
  AlertDialogDescription,
  AlertDialogFooter,
  AlertDialogTitle,
  AlertDialogTrigger,
} from "@/components/ui/alert-dialog";
import { Button } from "@/components/ui/button";
import { Spinner } from "@/components/ui/spinner";

/**
 * A button for an action that can't be undone: the press asks first, in an alert dialog. Escape
 * or Cancel take the question back (only the question, not a dialog the button sits in) and
 * focus returns to the button; the confirming button shows progress until the action — and
 * whatever the caller still counts as pending, such as a refresh — is over.
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
  const t = useTranslations("common");
  const [open, setOpen] = useState(false);
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
    <AlertDialog open={open} onOpenChange={(next) => !busy && setOpen(next)}>
      <AlertDialogTrigger asChild>
        <Button
          variant={props.ghost ? "ghost" : "danger"}
          size="sm"
          aria-label={props.name}
          title={props.name}
          data-testid={props.testId}
          disabled={props.pending && !open}
        >
          {props.pending && !open && <Spinner />}
          {props.label}
        </Button>
      </AlertDialogTrigger>
      <AlertDialogContent>
        <AlertDialogTitle>{props.title ?? t("confirmTitle")}</AlertDialogTitle>
        <AlertDialogDescription>{props.question ?? t("cannotUndo")}</AlertDialogDescription>
        <AlertDialogFooter>
          <AlertDialogCancel disabled={busy}>{t("cancel")}</AlertDialogCancel>
          <AlertDialogAction
            data-testid={props.testId && `${props.testId}-confirm`}
            disabled={busy}
            onClick={(e) => {
              // Closed by the effect above once the work is done, not at the press.
              e.preventDefault();
              void run();
            }}
          >
            {busy && <Spinner />}
            {props.confirmLabel}
          </AlertDialogAction>
        </AlertDialogFooter>
      </AlertDialogContent>
    </AlertDialog>
  );
}
