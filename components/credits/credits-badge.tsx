"use client";
import { useFormatter, useTranslations } from "next-intl";
import { useKieFailureText } from "@/components/hooks/use-kie-failure-text";
import { cn } from "@/components/ui/cn";
import { useCredits } from "@/lib/queries/use-credits";

/** "Credits: 9,943" under the Generate button, with this month's budget use when one is set. */
export function CreditsBadge(props: { slug: string }) {
  const t = useTranslations("credits");
  const format = useFormatter();
  const kieFailureText = useKieFailureText();
  const { data, isError } = useCredits(props.slug);
  const budget = data?.budget;
  const nearLimit = budget?.limit != null && budget.used >= budget.limit * 0.9;
  const mine = data?.memberBudget ?? null;
  // Generate would be refused: said before the press, not only after it.
  const perVideo = data?.creditsPerVideo ?? 0;
  const tooLow =
    budget?.limit != null && budget.used + perVideo > budget.limit
      ? "workspaceTooLow"
      : mine && mine.used + perVideo > mine.limit
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
      className="flex flex-wrap items-center justify-end gap-x-3 gap-y-0.5 text-xs text-fg-muted tabular-nums"
    >
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
          {t(tooLow, { credits: data?.creditsPerVideo ?? 0 })}
        </span>
      )}
    </p>
  );
}
