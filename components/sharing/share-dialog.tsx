"use client";
import { useTranslations } from "next-intl";
import { Suspense, useRef, useState } from "react";
import type { ShareTargetProp } from "@/components/sharing/share-keys";
import { Button } from "@/components/ui/button";
import { ShareIcon } from "@/components/ui/icons";
import { onDemand } from "@/components/ui/on-demand";

const Panel = onDemand(() =>
  import("@/components/sharing/share-dialog-panel").then((m) => m.ShareDialogPanel),
);

/**
 * "Share": a button that opens a dialog to make a link (with expiry, password, download, prompt)
 * and list this target's links. The dialog's code is fetched on the first press, not with the
 * page.
 */
export function ShareDialog(props: {
  slug: string;
  target: ShareTargetProp;
  variant?: "primary" | "secondary" | "ghost";
  size?: "sm" | "md";
  label?: string;
}) {
  const t = useTranslations("sharing");
  const trigger = useRef<HTMLButtonElement>(null);
  const [open, setOpen] = useState(false);
  // Kept once opened, so closing lets the dialog finish as Radix closes it.
  const [wanted, setWanted] = useState(false);
  return (
    <>
      <Button
        ref={trigger}
        variant={props.variant ?? "secondary"}
        size={props.size}
        data-testid="share-button"
        aria-haspopup="dialog"
        aria-expanded={open}
        onPointerEnter={Panel.preload}
        onFocus={Panel.preload}
        onClick={() => {
          setWanted(true);
          setOpen(true);
        }}
      >
        <ShareIcon className="size-4" />
        {props.label ?? t("share")}
      </Button>
      {wanted && (
        <Suspense fallback={null}>
          <Panel.Component
            slug={props.slug}
            target={props.target}
            open={open}
            onOpenChange={setOpen}
            trigger={trigger}
          />
        </Suspense>
      )}
    </>
  );
}
