"use client";
import { X } from "lucide-react";
import { useTranslations } from "next-intl";
import { useActionErrorText } from "@/components/hooks/use-action-error-text";
import { Button } from "@/components/ui/button";
import { Spinner } from "@/components/ui/spinner";
import { useCancelGeneration } from "@/lib/queries/use-cancel-generation";

/** Cancel for a take still waiting to be sent to kie.ai: it costs nothing and says so. */
export function CancelButton(props: { slug: string; generationId: string; className?: string }) {
  const t = useTranslations("status");
  const actionErrorText = useActionErrorText();
  const cancel = useCancelGeneration(props.slug);
  return (
    <div className={props.className}>
      <Button
        variant="secondary"
        size="sm"
        aria-label={t("cancelName")}
        disabled={cancel.isPending}
        onClick={() => cancel.mutate(props.generationId)}
      >
        {cancel.isPending ? <Spinner /> : <X aria-hidden="true" className="size-3.5" />}
        {t("cancel")}
      </Button>
      {cancel.error && (
        <p role="alert" className="mt-1.5 text-xs text-danger">
          {actionErrorText(cancel.error)}
        </p>
      )}
    </div>
  );
}
