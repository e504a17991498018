"use client";
import { useTranslations } from "next-intl";
import type { StatusKind } from "@/components/gallery/status";
import { cn } from "@/components/ui/cn";
import type { GenerationDto } from "@/lib/generations/dto";

/** Why a generation stopped short of a video (or why it is waiting on us), in one short paragraph. */
export function ProblemNote(props: { g: GenerationDto; kind: StatusKind; className?: string }) {
  const t = useTranslations("status.note");
  const { g, kind } = props;
  let text: string | null = null;
  let tone: "red" | "amber" = "red";
  switch (kind) {
    case "queued":
      text = t("queued");
      tone = "amber";
      break;
    case "unknown":
      text = t("unknown");
      tone = "amber";
      break;
    case "failed":
      text = g.failMsg
        ? t("failedWithReason", { reason: g.failMsg })
        : g.failCode
          ? t("failedWithCode", { code: g.failCode })
          : t("failed");
      break;
    case "error":
      text = g.failMsg ? t("errorWithReason", { reason: g.failMsg }) : t("error");
      break;
    case "mediaFailed":
      text = g.media.error
        ? t("mediaFailedWithReason", { reason: g.media.error })
        : t("mediaFailed");
      break;
  }
  if (!text) return null;
  return (
    <p
      data-testid="generation-problem"
      className={cn(
        "text-xs leading-5 break-words",
        tone === "red" ? "text-red-700" : "text-amber-800",
        props.className,
      )}
    >
      {text}
    </p>
  );
}
