"use client";
import { useTranslations } from "next-intl";
import { useActionErrorText } from "@/components/hooks/use-action-error-text";
import { Button } from "@/components/ui/button";
import { cn } from "@/components/ui/cn";
import { KeepIcon } from "@/components/ui/icons";
import { Spinner } from "@/components/ui/spinner";
import type { GenerationDto } from "@/lib/generations/dto";
import { useKeepTake } from "@/lib/queries/use-keep-take";

/** Keep: a toggle that marks this take as the shot's chosen one (and lets it go again). */
export function KeepButton(props: { slug: string; g: GenerationDto; className?: string }) {
  const t = useTranslations("shots");
  const actionErrorText = useActionErrorText();
  const keep = useKeepTake(props.slug);
  const kept = props.g.shot.kept;
  return (
    <span className={cn("inline-flex flex-col items-start", props.className)}>
      <Button
        variant={kept ? "primary" : "secondary"}
        size="sm"
        aria-pressed={kept}
        aria-label={t("keepName", { take: props.g.shot.take })}
        data-testid="keep-take"
        disabled={keep.isPending}
        onClick={() => keep.mutate({ generationId: props.g.id, keep: !kept })}
      >
        {keep.isPending ? <Spinner /> : <KeepIcon className="size-3.5" />}
        {kept ? t("kept") : t("keep")}
      </Button>
      {keep.error && (
        <span role="alert" className="mt-1 text-xs text-danger">
          {actionErrorText(keep.error)}
        </span>
      )}
    </span>
  );
}
