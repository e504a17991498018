"use client";
import { zodResolver } from "@hookform/resolvers/zod";
import { useRouter } from "next/navigation";
import { useFormatter, useTranslations } from "next-intl";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { z } from "zod/mini";
import { useActionErrorText } from "@/components/hooks/use-action-error-text";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { Spinner } from "@/components/ui/spinner";
import type { ActionResult } from "@/lib/actions/action-result";
import { ESTIMATED_CREDITS_PER_VIDEO } from "@/lib/kie-account/estimated-credits";
import { setWorkspaceBudgetInput } from "@/lib/kie-account/schemas";

// The field's text, empty for no limit, read as the server's limit (the same for a member).
const schema = z.object({
  limit: z.pipe(
    z.pipe(
      z.string(),
      z.transform((v: string) => (v.trim() === "" ? null : Number(v))),
    ),
    setWorkspaceBudgetInput.shape.limit,
  ),
});

function parseLimit(text: string): number | null | undefined {
  const result = schema.shape.limit.safeParse(text);
  return result.success ? result.data : undefined;
}

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
  const [error, setError] = useState<string | null>(null);
  const [saved, setSaved] = useState(false);
  const form = useForm<z.input<typeof schema>, unknown, z.output<typeof schema>>({
    resolver: zodResolver(schema),
    mode: "onChange",
    defaultValues: { limit: props.limit === null ? "" : String(props.limit) },
  });

  // undefined while the text is not a limit the server would take.
  const parsed = parseLimit(form.watch("limit"));
  const valid = parsed !== undefined;
  const changed = parsed !== props.limit;
  const share = props.limit ? Math.min(props.used / props.limit, 1) : 0;
  const pending = form.formState.isSubmitting;

  async function onValid({ limit }: z.output<typeof schema>) {
    if (limit === props.limit) return;
    setError(null);
    setSaved(false);
    try {
      const result = await props.save(limit);
      if (!result.ok) setError(actionErrorText(result.error));
      else {
        setSaved(true);
        router.refresh();
      }
    } catch {
      setError(t("network"));
    }
  }

  return (
    <form onSubmit={form.handleSubmit(onValid)} className="space-y-2">
      <div className="flex flex-wrap items-start gap-2">
        <Field
          label={props.label}
          hideLabel={props.compact}
          error={form.formState.errors.limit ? t("invalid") : null}
          className="min-w-0 flex-1"
        >
          {(control) => {
            const field = form.register("limit");
            return (
              <Input
                {...control}
                {...field}
                inputMode="numeric"
                placeholder={t("noLimit")}
                onChange={(event) => {
                  // Digits only: what a count of credits is made of.
                  event.target.value = event.target.value.replace(/[^\d]/g, "");
                  setSaved(false);
                  return field.onChange(event);
                }}
                className="h-9 tabular-nums"
              />
            );
          }}
        </Field>
        <Button
          type="submit"
          variant="secondary"
          disabled={!valid || !changed || pending}
          className={props.compact ? undefined : "mt-[26px]"}
        >
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
        {typeof parsed === "number" && (
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
