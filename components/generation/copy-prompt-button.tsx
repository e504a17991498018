"use client";
import { useTranslations } from "next-intl";
import { useEffect, useState } from "react";
import { Button } from "@/components/ui/button";
import { CheckIcon, CopyIcon } from "@/components/ui/icons";

export function CopyPromptButton({ prompt }: { prompt: string }) {
  const t = useTranslations("detail");
  const [copied, setCopied] = useState(false);

  useEffect(() => {
    if (!copied) return;
    const timer = setTimeout(() => setCopied(false), 1800);
    return () => clearTimeout(timer);
  }, [copied]);

  return (
    <Button
      variant="secondary"
      onClick={() => {
        // Clipboard needs a secure context; on plain http the button simply does nothing.
        void navigator.clipboard?.writeText(prompt).then(() => setCopied(true));
      }}
    >
      {copied ? <CheckIcon className="size-4 text-success" /> : <CopyIcon className="size-4" />}
      <span aria-live="polite">{copied ? t("copied") : t("copyPrompt")}</span>
    </Button>
  );
}
