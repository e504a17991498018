"use client";
import { useTranslations } from "next-intl";
import type { ReactNode, RefObject } from "react";
import {
  AlertDialog,
  AlertDialogAction,
  AlertDialogCancel,
  AlertDialogContent,
  AlertDialogDescription,
  AlertDialogFooter,
  AlertDialogTitle,
} from "@/components/ui/alert-dialog";
import { Spinner } from "@/components/ui/spinner";

/** ConfirmButton's question, fetched on the first press of such a button (see confirm-button). */
export function ConfirmDialog(props: {
  open: boolean;
  onOpenChange: (open: boolean) => void;
  /** The button that asked, which gets focus back when the question closes. */
  trigger: RefObject<HTMLButtonElement | null>;
  title?: ReactNode;
  question?: ReactNode;
  confirmLabel: ReactNode;
  busy: boolean;
  onConfirm: () => void;
  testId?: string;
}) {
  const t = useTranslations("common");
  return (
    <AlertDialog open={props.open} onOpenChange={props.onOpenChange}>
      <AlertDialogContent
        onCloseAutoFocus={(e) => {
          // Radix returns focus to its own trigger; the asking button is a plain one.
          e.preventDefault();
          props.trigger.current?.focus();
        }}
      >
        <AlertDialogTitle>{props.title ?? t("confirmTitle")}</AlertDialogTitle>
        <AlertDialogDescription>{props.question ?? t("cannotUndo")}</AlertDialogDescription>
        <AlertDialogFooter>
          <AlertDialogCancel disabled={props.busy}>{t("cancel")}</AlertDialogCancel>
          <AlertDialogAction
            data-testid={props.testId && `${props.testId}-confirm`}
            disabled={props.busy}
            onClick={(e) => {
              // Closed by ConfirmButton once the work is done, not at the press.
              e.preventDefault();
              props.onConfirm();
            }}
          >
            {props.busy && <Spinner />}
            {props.confirmLabel}
          </AlertDialogAction>
        </AlertDialogFooter>
      </AlertDialogContent>
    </AlertDialog>
  );
}
