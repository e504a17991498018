"use client";
import { useTranslations } from "next-intl";
import { copyText } from "@/components/hooks/copy-text";
import { Button } from "@/components/ui/button";
import { CopyIcon } from "@/components/ui/icons";
import { notify } from "@/components/ui/notices/store";

export function CopyPromptButton({ prompt }: { prompt: string }) {
  const t = useTranslations("detail");
  const tn = useTranslations("notices");
  return (
    <Button
      variant="secondary"
      onClick={() =>
        void copyText(prompt).then((copied) =>
          copied ? notify(t("promptCopied")) : notify(tn("copyFailed"), "error"),
        )
      }
    >
      <CopyIcon className="size-4" />
      {t("copyPrompt")}
    </Button>
  );
}
