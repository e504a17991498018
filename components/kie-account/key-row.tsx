"use client";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { type FormEvent, useId, useState } from "react";
import { useActionErrorText } from "@/components/hooks/use-action-error-text";
import { useKieFailureText } from "@/components/hooks/use-kie-failure-text";
import { Alert } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { CheckIcon } from "@/components/ui/icons";
import { Spinner } from "@/components/ui/spinner";
import { removeKieKeyAction } from "@/lib/actions/kie-account/remove-kie-key";
import { setKieKeysAction } from "@/lib/actions/kie-account/set-kie-keys";
import { testKieKeyAction } from "@/lib/actions/kie-account/test-kie-key";
import type { KeyStatus } from "@/lib/kie-account/get-kie-settings";
import type { KeyTestResult } from "@/lib/kie-account/test-kie-key";

type Which = "apiKey" | "hmacKey";
type Notice = { tone: "ok" | "error"; text: string } | null;

/**
 * One of the workspace's kie.ai keys: its status and mask, a write-only field to replace it,
 * Remove, and (for the API key) Test. What is typed goes to the server and is never shown back.
 */
export function KeyRow(props: {
  slug: string;
  which: Which;
  status: KeyStatus;
  hint: string | null;
  fallback: string;
}) {
  const t = useTranslations("kieAccount");
  const actionErrorText = useActionErrorText();
  const kieFailureText = useKieFailureText();
  const router = useRouter();
  const id = useId();
  const [value, setValue] = useState("");
  const [pending, setPending] = useState<"save" | "remove" | "test" | null>(null);
  const [notice, setNotice] = useState<Notice>(null);
  const [test, setTest] = useState<KeyTestResult | null>(null);
  const label = t(`${props.which}.label`);

  async function run(kind: "save" | "remove" | "test") {
    setPending(kind);
    setNotice(null);
    if (kind !== "test") setTest(null);
    try {
      if (kind === "test") {
        const result = await testKieKeyAction({ workspaceSlug: props.slug, apiKey: value.trim() });
        if (result.ok) setTest(result.data);
        else setNotice({ tone: "error", text: actionErrorText(result.error) ?? t("network") });
        return;
      }
      const result =
        kind === "save"
          ? await setKieKeysAction({ workspaceSlug: props.slug, [props.which]: value })
          : await removeKieKeyAction({ workspaceSlug: props.slug, which: props.which });
      if (!result.ok) {
        const field = result.error.fields?.[props.which];
        setNotice({
          tone: "error",
          text: field
            ? t(`invalid.${fieldProblem(field)}`)
            : (actionErrorText(result.error) ?? t("network")),
        });
        return;
      }
      setValue("");
      setNotice({ tone: "ok", text: kind === "save" ? t("saved") : t("removed") });
      router.refresh();
    } catch {
      setNotice({ tone: "error", text: t("network") });
    } finally {
      setPending(null);
    }
  }

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    if (value.trim()) void run("save");
  }

  return (
    <form
      onSubmit={onSubmit}
      className="space-y-3 px-4 py-4 sm:px-5"
      data-testid={`key-${props.which}`}
    >
      <div className="flex flex-wrap items-center gap-2">
        <label htmlFor={id} className="text-[13px] font-medium text-fg">
          {label}
        </label>
        {props.status === "set" && (
          <Badge tone="green">
            {t("set")}
            {props.hint && <span className="font-mono tracking-tight">{props.hint}</span>}
          </Badge>
        )}
        {props.status === "not_set" && <Badge>{t("notSet")}</Badge>}
        {props.status === "unreadable" && <Badge tone="red">{t("unreadable")}</Badge>}
      </div>
      <p className="text-xs leading-5 text-fg-muted">
        {props.status === "set" ? t(`${props.which}.whenSet`) : props.fallback}
      </p>
      <div className="flex flex-col gap-2 sm:flex-row">
        <input
          id={id}
          type="password"
          name={props.which}
          autoComplete="off"
          spellCheck={false}
          value={value}
          onChange={(event) => setValue(event.target.value)}
          placeholder={
            props.status === "set" ? t("replacePlaceholder") : t(`${props.which}.placeholder`)
          }
          className="block h-9 w-full min-w-0 rounded-lg sm:flex-1 bg-surface px-3 font-mono text-sm text-fg shadow-xs ring-1 ring-line ring-inset placeholder:font-sans placeholder:text-fg-subtle focus:ring-2 focus:ring-accent-500 focus:outline-none"
        />
        <div className="flex gap-2">
          <Button
            type="submit"
            disabled={!value.trim() || pending !== null}
            className="flex-1 sm:flex-none"
          >
            {pending === "save" && <Spinner />}
            {t("save")}
          </Button>
          {props.which === "apiKey" && (
            <Button
              variant="secondary"
              disabled={pending !== null}
              onClick={() => void run("test")}
              className="flex-1 sm:flex-none"
            >
              {pending === "test" && <Spinner />}
              {t("test")}
            </Button>
          )}
          {props.status !== "not_set" && (
            <Button
              variant="danger"
              disabled={pending !== null}
              onClick={() => void run("remove")}
              className="flex-1 sm:flex-none"
            >
              {pending === "remove" && <Spinner />}
              {t("remove")}
            </Button>
          )}
        </div>
      </div>
      <div aria-live="polite" className="space-y-2">
        {test?.ok && (
          <p className="flex items-center gap-1.5 rounded-lg bg-success-soft px-3 py-2 text-[13px] text-success ring-1 ring-success-line ring-inset">
            <CheckIcon className="size-4 shrink-0" />
            {t(value.trim() ? "testOkTyped" : "testOkInUse", { credits: test.credits })}
          </p>
        )}
        {test && !test.ok && (
          <Alert>{t("testFailed", { reason: kieFailureText(test.failure) })}</Alert>
        )}
        {notice?.tone === "ok" && <p className="text-[13px] text-success">{notice.text}</p>}
        {notice?.tone === "error" && <Alert>{notice.text}</Alert>}
      </div>
    </form>
  );
}

function fieldProblem(code: string): "too_short" | "too_long" | "whitespace" | "other" {
  return code === "too_short" || code === "too_long" || code === "whitespace" ? code : "other";
}
