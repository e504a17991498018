"use client";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { type FormEvent, useState, useTransition } from "react";
import { LogoMark } from "@/components/brand/logo";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Spinner } from "@/components/ui/spinner";
import { TextField } from "@/components/ui/text-field";
import { unlockShareLinkAction } from "@/lib/actions/sharing/unlock-share-link";

/** The gate of a password-protected link; on success the page reloads with the video. */
export function SharePasswordForm(props: { token: string }) {
  const t = useTranslations("publicShare");
  const router = useRouter();
  const [password, setPassword] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    if (!password) return;
    setError(null);
    startTransition(async () => {
      try {
        const result = await unlockShareLinkAction({ token: props.token, password });
        if (result.ok) {
          router.refresh();
          return;
        }
        setError(
          result.error.code === "rate_limited"
            ? t("tooManyAttempts")
            : result.error.code === "not_found"
              ? t("unavailableTitle")
              : t("wrongPassword"),
        );
      } catch {
        setError(t("network"));
      }
    });
  }

  return (
    <div className="mx-auto mt-8 max-w-sm rounded-2xl bg-surface p-6 shadow-sm ring-1 ring-line/80 sm:mt-16">
      <LogoMark className="size-9" />
      <h1 className="mt-5 text-lg font-semibold tracking-tight text-fg">{t("lockedTitle")}</h1>
      <p className="mt-1 text-[13px] leading-5 text-fg-muted">{t("lockedBody")}</p>
      <form onSubmit={onSubmit} className="mt-5 space-y-4" data-testid="share-password-form">
        <TextField
          id="share-password"
          name="password"
          type="password"
          autoComplete="off"
          label={t("password")}
          value={password}
          onChange={(e) => setPassword(e.target.value)}
          autoFocus
          required
        />
        {error && <Alert>{error}</Alert>}
        <Button type="submit" size="lg" className="w-full" disabled={pending || !password}>
          {pending && <Spinner />}
          {t("unlock")}
        </Button>
      </form>
    </div>
  );
}
