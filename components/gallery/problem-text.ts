import type { useTranslations } from "next-intl";
import { isValidationFailure, type StatusKind } from "@/components/gallery/status";
import { type KieErrorsT, kieFailureText, quoted } from "@/components/hooks/use-kie-failure-text";
import type { GenerationDto } from "@/lib/generations/dto";
import { FAIL_CODE } from "@/lib/generations/fail-codes";
import { describeKieFailure } from "@/lib/kie/errors";

export type StatusT = ReturnType<typeof useTranslations<"status">>;

export interface Problem {
  text: string;
  tone: "red" | "amber" | "neutral";
}

/**
 * Why a generation stopped short of a video, or why it waits on the studio: in the reader's
 * language wherever the words are the studio's own, quoting kie.ai's words where they are kie's.
 */
export function problemText(
  g: Pick<GenerationDto, "failCode" | "failMsg" | "media">,
  kind: StatusKind,
  t: StatusT,
  kieT: KieErrorsT,
): Problem | null {
  switch (kind) {
    case "queued":
      return { text: t("note.queued"), tone: "amber" };
    case "unknown":
      return { text: t("note.unknown"), tone: "amber" };
    case "cancelled":
      return { text: t("note.cancelled"), tone: "neutral" };
    case "failed":
      // kie.ai's own verdict: its words are all there is to say.
      if (g.failMsg) return red(t("note.failedWithReason", { reason: quoted(g.failMsg) }));
      if (g.failCode && g.failCode !== FAIL_CODE.failed) {
        return red(t("note.failedWithCode", { code: g.failCode }));
      }
      return red(t("note.failed"));
    case "error": {
      if (g.failCode === FAIL_CODE.timedOut) return red(t("note.timedOut"));
      if (g.failCode === FAIL_CODE.noResponse) return { text: t("note.unknown"), tone: "amber" };
      const failure = describeKieFailure(g.failCode, g.failMsg);
      if (failure) {
        const problem = t("note.errorBecause", { reason: kieFailureText(failure, kieT) });
        // Refused as written: Retry would be refused again, so the way on is said instead.
        return red(
          isValidationFailure(failure) ? t("note.refusedAsWritten", { problem }) : problem,
        );
      }
      // A code this studio did not write (an older version's): its sentence, as recorded.
      return red(g.failMsg ? t("note.errorWithReason", { reason: g.failMsg }) : t("note.error"));
    }
    case "mediaFailed":
      if (g.media.errorCode) {
        const reason = t(`mediaReasons.${g.media.errorCode}`);
        return red(t("note.mediaFailedBecause", { reason }));
      }
      return red(
        g.media.error
          ? t("note.mediaFailedWithReason", { reason: g.media.error })
          : t("note.mediaFailed"),
      );
    default:
      return null;
  }
}

function red(text: string): Problem {
  return { text, tone: "red" };
}
