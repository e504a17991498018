"use client";
import { useRouter } from "next/navigation";
import { useFormatter, useTranslations } from "next-intl";
import { type FormEvent, useId, useState } from "react";
import { useActionErrorText } from "@/components/hooks/use-action-error-text";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Spinner } from "@/components/ui/spinner";
import type { ActionResult } from "@/lib/actions/action-result";
import { ESTIMATED_CREDITS_PER_VIDEO } from "@/lib/kie-account/estimated-credits";

/**
 * A monthly credit limit with this month's use: empty means no limit. Saves through `save`
 * (the workspace's budget or one member's).
 */
export function BudgetForm(props: {
  label: string;
  limit: number | null;
  used: number;
  save: (limit: number | null) => Promise<ActionResult<null>>;
  compact?: boolean;
}) {
  const t = useTranslations("kieAccount.budget");
  const actionErrorText = useActionErrorText();
  const format = useFormatter();
  const router = useRouter();
  const id = useId();
  const [value, setValue] = useState(props.limit === null ? "" : String(props.limit));
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [saved, setSaved] = useState(false);

  const parsed = value.trim() === "" ? null : Number(value);
  const valid = parsed === null || (Number.isInteger(parsed) && parsed >= 1);
  const changed = parsed !== props.limit;
  const share = props.limit ? Math.min(props.used / props.limit, 1) : 0;

  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    if (!valid || !changed) return;
    setPending(true);
    setError(null);
    setSaved(false);
    try {
      const result = await props.save(parsed);
      if (!result.ok) setError(actionErrorText(result.error));
      else {
        setSaved(true);
        router.refresh();
      }
    } catch {
      setError(t("network"));
    } finally {
      setPending(false);
    }
  }

  return (
    <form onSubmit={(e) => void onSubmit(e)} className="space-y-2">
      <div className="flex flex-wrap items-end gap-2">
        <div className="min-w-0 flex-1 space-y-1.5">
          <label
            htmlFor={id}
            className={props.compact ? "sr-only" : "block text-[13px] font-medium text-fg"}
          >
            {props.label}
          </label>
          <input
            id={id}
            inputMode="numeric"
            value={value}
            onChange={(event) => {
              setValue(event.target.value.replace(/[^\d]/g, ""));
              setSaved(false);
            }}
            placeholder={t("noLimit")}
            aria-invalid={!valid || undefined}
            className="block h-9 w-full rounded-lg bg-surface px-3 text-sm text-fg tabular-nums shadow-xs ring-1 ring-line ring-inset placeholder:text-fg-subtle focus:ring-2 focus:ring-accent-500 focus:outline-none"
          />
        </div>
        <Button type="submit" variant="secondary" disabled={!valid || !changed || pending}>
          {pending && <Spinner />}
          {t("save")}
        </Button>
      </div>
      <div className="space-y-1">
        <p className="text-xs text-fg-muted tabular-nums">
          {props.limit === null
            ? t("usedNoLimit", { used: format.number(props.used) })
            : t("used", { used: format.number(props.used), limit: format.number(props.limit) })}
        </p>
        {props.limit !== null && (
          <div className="h-1.5 overflow-hidden rounded-full bg-muted" aria-hidden="true">
            <div
              className={
                share >= 0.9
                  ? "h-full bg-danger-solid"
                  : share >= 0.7
                    ? "h-full bg-warning-solid"
                    : "h-full bg-accent-500"
              }
              style={{ width: `${Math.round(share * 100)}%` }}
            />
          </div>
        )}
      </div>
      <div aria-live="polite">
        {/* Allowed, but said: such a limit refuses the next Generate. */}
        {parsed !== null && valid && (
          <p className="text-xs text-warning">
            {parsed < ESTIMATED_CREDITS_PER_VIDEO
              ? t("belowOneVideo", { credits: ESTIMATED_CREDITS_PER_VIDEO })
              : parsed < props.used + ESTIMATED_CREDITS_PER_VIDEO
                ? t("noRoomThisMonth")
                : null}
          </p>
        )}
        {saved && <p className="text-xs text-success">{t("saved")}</p>}
        {error && <Alert>{error}</Alert>}
      </div>
    </form>
  );
}
