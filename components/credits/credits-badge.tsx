"use client";
import { useFormatter, useTranslations } from "next-intl";
import { useKieFailureText } from "@/components/hooks/use-kie-failure-text";
import { cn } from "@/components/ui/cn";
import { useCredits } from "@/lib/queries/use-credits";

/**
 * "≈ 171 credits · Credits: 9,943" under the Generate button: what the press will cost (every
 * take), the balance, and this month's budget use when one is set.
 */
export function CreditsBadge(props: {
  slug: string;
  takes: number;
  /** The estimate for one video of the chosen model, length and size. */
  perVideo: number;
  className?: string;
}) {
  const t = useTranslations("credits");
  const format = useFormatter();
  const kieFailureText = useKieFailureText();
  const { data, isError } = useCredits(props.slug);
  const budget = data?.budget;
  const nearLimit = budget?.limit != null && budget.used >= budget.limit * 0.9;
  const mine = data?.memberBudget ?? null;
  // Generate would be refused: said before the press, not only after it.
  const perVideo = props.perVideo;
  const cost = perVideo * props.takes;
  const tooLow =
    budget?.limit != null && budget.used + cost > budget.limit
      ? "workspaceTooLow"
      : mine && mine.used + cost > mine.limit
        ? "memberTooLow"
        : null;
  const balance = data?.balance != null ? format.number(data.balance) : data || isError ? "—" : "…";
  const reason = data?.failure
    ? kieFailureText(data.failure)
    : data?.error != null || isError
      ? t("unavailable")
      : undefined;

  return (
    <p
      data-testid="credits"
      className={cn(
        "flex flex-wrap items-center justify-end gap-x-3 gap-y-0.5 text-xs text-fg-muted tabular-nums",
        props.className,
      )}
    >
      {data && (
        <span id="takes-hint" data-testid="press-cost" title={t("perTake", { credits: perVideo })}>
          {t("pressCost", { credits: cost })}
          <span className="sr-only">{` (${t("perTake", { credits: perVideo })})`}</span>
        </span>
      )}
      <span title={reason ? t("failed", { reason }) : undefined}>{t("balance", { balance })}</span>
      {budget?.limit != null && (
        <span className={cn(nearLimit && "font-medium text-warning")}>
          {t("budget", { used: format.number(budget.used), limit: format.number(budget.limit) })}
        </span>
      )}
      {mine && (
        <span className={cn(mine.used >= mine.limit * 0.9 && "font-medium text-warning")}>
          {t("memberBudget", { used: format.number(mine.used), limit: format.number(mine.limit) })}
        </span>
      )}
      {tooLow && (
        <span
          data-testid="budget-too-low"
          className="basis-full text-right font-medium text-warning"
        >
          {props.takes > 1
            ? t(`${tooLow}Takes`, { takes: props.takes, credits: cost })
            : t(tooLow, { credits: perVideo })}
        </span>
      )}
    </p>
  );
}
