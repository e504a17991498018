"use client";
import { zodResolver } from "@hookform/resolvers/zod";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useState, useTransition } from "react";
import { useForm } from "react-hook-form";
import { z } from "zod/mini";
import { LogoMark } from "@/components/brand/logo";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { Spinner } from "@/components/ui/spinner";
import { unlockShareLinkAction } from "@/lib/actions/sharing/unlock-share-link";
import { unlockShareInput } from "@/lib/sharing/schemas";

const schema = z.pick(unlockShareInput, { password: true });

/** The gate of a password-protected link; on success the page reloads with the video. */
export function SharePasswordForm(props: { token: string }) {
  const t = useTranslations("publicShare");
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  // A transition, so the button spins until the refreshed page has the video.
  const [pending, startTransition] = useTransition();
  const form = useForm<z.input<typeof schema>, unknown, z.output<typeof schema>>({
    resolver: zodResolver(schema),
    defaultValues: { password: "" },
  });

  function unlock({ password }: z.output<typeof schema>) {
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
      <form
        onSubmit={form.handleSubmit(unlock)}
        className="mt-5 space-y-4"
        data-testid="share-password-form"
      >
        <Field label={t("password")}>
          {(control) => (
            <Input
              {...control}
              {...form.register("password")}
              type="password"
              autoComplete="off"
              autoFocus
              required
            />
          )}
        </Field>
        {error && <Alert>{error}</Alert>}
        <Button
          type="submit"
          size="lg"
          className="w-full"
          disabled={pending || !form.watch("password")}
        >
          {pending && <Spinner />}
          {t("unlock")}
        </Button>
      </form>
    </div>
  );
}
