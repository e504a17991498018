"use client";
import { useTranslations } from "next-intl";
import { useEffect, useRef, useState } from "react";
import { copyText } from "@/components/hooks/copy-text";
import { Button } from "@/components/ui/button";
import { cn } from "@/components/ui/cn";
import { CheckIcon, CopyIcon } from "@/components/ui/icons";
import { notify } from "@/components/ui/notices/store";

/**
 * A link shown read-only beside a Copy button that says "Copied" for a moment. Where the
 * browser will not copy, the link is selected and a notice says to copy it by hand.
 */
export function CopyField(props: {
  value: string;
  label: string;
  testId?: string;
  inputClassName?: string;
}) {
  const t = useTranslations("notices");
  const input = useRef<HTMLInputElement>(null);
  const [copied, setCopied] = useState(false);
  useEffect(() => {
    if (!copied) return;
    const timer = setTimeout(() => setCopied(false), 1800);
    return () => clearTimeout(timer);
  }, [copied]);

  async function copy() {
    if (await copyText(props.value)) {
      setCopied(true);
      return;
    }
    input.current?.focus();
    input.current?.select();
    notify(t("copyFailed"), "error");
  }

  return (
    <div className="flex items-center gap-2">
      <input
        ref={input}
        readOnly
        value={props.value}
        aria-label={props.label}
        data-testid={props.testId}
        onFocus={(e) => e.currentTarget.select()}
        className={cn(
          "h-10 min-w-0 flex-1 rounded-lg bg-canvas px-3 font-mono text-xs text-fg ring-1 ring-line ring-inset focus:ring-2 focus:ring-accent-500 focus:outline-none",
          props.inputClassName,
        )}
      />
      <Button variant="secondary" onClick={() => void copy()}>
        {copied ? <CheckIcon className="size-4 text-success" /> : <CopyIcon className="size-4" />}
        <span aria-live="polite">{copied ? t("copied") : t("copy")}</span>
      </Button>
    </div>
  );
}
