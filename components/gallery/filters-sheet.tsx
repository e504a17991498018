"use client";
import { useTranslations } from "next-intl";
import type { ReactNode, RefObject } from "react";
import { Button } from "@/components/ui/button";
import {
  Dialog,
  DialogClose,
  DialogContent,
  DialogHeader,
  DialogTitle,
} from "@/components/ui/dialog";

/** A phone's filters, in a sheet from the bottom edge; fetched the first time it opens. */
export function FiltersSheet(props: {
  open: boolean;
  onOpenChange: (open: boolean) => void;
  trigger: RefObject<HTMLButtonElement | null>;
  controls: ReactNode;
  onClear: () => void;
  canClear: boolean;
}) {
  const t = useTranslations("filters");
  const tc = useTranslations("common");
  return (
    <Dialog open={props.open} onOpenChange={props.onOpenChange}>
      <DialogContent
        closeLabel={tc("close")}
        aria-describedby={undefined}
        placement="bottom"
        onCloseAutoFocus={(e) => {
          // Radix returns focus to its own trigger; the Filters button is a plain one.
          e.preventDefault();
          props.trigger.current?.focus();
        }}
      >
        <DialogHeader>
          <DialogTitle>{t("filtersTitle")}</DialogTitle>
        </DialogHeader>
        <div className="grid gap-2.5 p-4 [&>*]:w-full">{props.controls}</div>
        <div className="flex justify-between gap-2 border-t border-line-soft p-4">
          <Button variant="ghost" onClick={props.onClear} disabled={!props.canClear}>
            {t("clear")}
          </Button>
          <DialogClose asChild>
            <Button>{t("done")}</Button>
          </DialogClose>
        </div>
      </DialogContent>
    </Dialog>
  );
}
