"use client";
import { useTranslations } from "next-intl";
import { markRetried, useRecentlyRetried } from "@/components/gallery/recent-retries";
import { useActionErrorText } from "@/components/hooks/use-action-error-text";
import { Button } from "@/components/ui/button";
import { RetryIcon } from "@/components/ui/icons";
import { Spinner } from "@/components/ui/spinner";
import type { GenerationDto } from "@/lib/generations/dto";
import { ActionError } from "@/lib/queries/use-action-mutation";
import { useRetryGeneration } from "@/lib/queries/use-retry-generation";

export function RetryButton(props: {
  slug: string;
  generationId: string;
  className?: string;
  /** Called with the generation the retry produced (a new one when retrying a failed one). */
  onRetried?: (g: GenerationDto) => void;
}) {
  const t = useTranslations("status");
  const actionErrorText = useActionErrorText();
  const retry = useRetryGeneration(props.slug);
  const error = retry.error;
  // A retry that ends as the last try did would otherwise look like a press that did nothing.
  const retried = useRecentlyRetried(props.generationId);
  return (
    <div className={props.className}>
      <Button
        variant="secondary"
        size="sm"
        disabled={retry.isPending}
        onClick={() =>
          retry.mutate(props.generationId, {
            onSuccess: (g) => {
              markRetried(props.generationId);
              props.onRetried?.(g);
            },
          })
        }
      >
        {retry.isPending ? <Spinner /> : <RetryIcon className="size-3.5" />}
        {t("retry")}
      </Button>
      <p aria-live="polite" className="mt-1.5 text-xs text-fg-muted empty:sr-only">
        {retried && !error ? t("retried") : null}
      </p>
      {error && (
        <p role="alert" className="mt-1.5 text-xs text-danger">
          {error instanceof ActionError ? actionErrorText(error) : t("retryNetwork")}
        </p>
      )}
    </div>
  );
}
