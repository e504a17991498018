"use client";
import { useTranslations } from "next-intl";
import { problemText } from "@/components/gallery/problem-text";
import type { StatusKind } from "@/components/gallery/status";
import { cn } from "@/components/ui/cn";
import type { GenerationDto } from "@/lib/generations/dto";

/** Why a generation stopped short of a video (or why it is waiting on us), in one short paragraph. */
export function ProblemNote(props: { g: GenerationDto; kind: StatusKind; className?: string }) {
  const t = useTranslations("status");
  const kieT = useTranslations("kieErrors");
  const problem = problemText(props.g, props.kind, t, kieT);
  if (!problem) return null;
  return (
    <p
      data-testid="generation-problem"
      className={cn(
        "text-xs leading-5 break-words",
        problem.tone === "red"
          ? "text-danger"
          : problem.tone === "amber"
            ? "text-warning"
            : "text-fg-muted",
        props.className,
      )}
    >
      {problem.text}
    </p>
  );
}
