"use client";
import { zodResolver } from "@hookform/resolvers/zod";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { useForm } from "react-hook-form";
import type { z } from "zod/mini";
import { AuthCard } from "@/components/auth/auth-card";
import { type SignInOutcome, signInWithCredentials } from "@/components/auth/credentials";
import { OAuthButtons, type OAuthProviderId } from "@/components/auth/oauth-buttons";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { Spinner } from "@/components/ui/spinner";
import { credentialsSchema } from "@/lib/auth/schemas";

// next-auth's ?error= codes the studio sends back from a refused GitHub/Google sign-in.
const OAUTH_ERRORS: Record<string, "errors.emailNotVerified" | "errors.passwordAccount"> = {
  EmailNotVerified: "errors.emailNotVerified",
  PasswordAccount: "errors.passwordAccount",
};

// What each failed sign-in tells the person.
const OUTCOME_ERRORS = {
  rejected: "errors.wrongCredentials",
  rate_limited: "errors.rateLimited",
  unavailable: "errors.unavailable",
  failed: "errors.generic",
} as const satisfies Record<Exclude<SignInOutcome, "ok">, string>;

export function withCallback(path: string, callbackUrl: string): string {
  return callbackUrl === "/" ? path : `${path}?callbackUrl=${encodeURIComponent(callbackUrl)}`;
}

export function SignInForm(props: {
  providers: OAuthProviderId[];
  /** Where to go once signed in: a path on this site, already checked by the server. */
  callbackUrl: string;
  /** The workspace an invite link is taking this person to, if that is where they came from. */
  joining?: string | null;
  /** next-auth's ?error= after a refused GitHub/Google sign-in. */
  oauthError?: string;
}) {
  const t = useTranslations("auth");
  const router = useRouter();
  const [error, setError] = useState<string | null>(
    props.oauthError ? t(OAUTH_ERRORS[props.oauthError] ?? "errors.oauth") : null,
  );
  // Signed in: the button keeps spinning until the next page is there.
  const [leaving, setLeaving] = useState(false);
  // The rules the server signs in by, checked here first only to answer sooner.
  const form = useForm<
    z.input<typeof credentialsSchema>,
    unknown,
    z.output<typeof credentialsSchema>
  >({
    resolver: zodResolver(credentialsSchema),
    defaultValues: { email: "", password: "" },
  });
  const fieldError = (message: string | undefined) =>
    message ? t(`fieldErrors.${fieldProblem(message)}`) : null;

  async function onValid(values: z.output<typeof credentialsSchema>) {
    setError(null);
    try {
      const outcome = await signInWithCredentials(values.email, values.password);
      if (outcome === "ok") {
        // "/" sends the person on to their first workspace.
        router.replace(props.callbackUrl);
        router.refresh();
        setLeaving(true);
        return;
      }
      setError(t(OUTCOME_ERRORS[outcome]));
    } catch {
      setError(t("errors.network"));
    }
  }

  const pending = form.formState.isSubmitting || leaving;
  return (
    <AuthCard
      title={t("signIn.title")}
      subtitle={
        props.joining
          ? t("signIn.subtitleJoining", { workspace: props.joining })
          : t("signIn.subtitle")
      }
      footer={{
        text: t("signIn.noAccount"),
        linkLabel: t("signUp.link"),
        href: withCallback("/sign-up", props.callbackUrl),
      }}
    >
      <OAuthButtons providers={props.providers} callbackUrl={props.callbackUrl} />
      <form onSubmit={form.handleSubmit(onValid)} noValidate className="space-y-4">
        <Field label={t("email")} error={fieldError(form.formState.errors.email?.message)}>
          {(control) => (
            <Input
              {...control}
              {...form.register("email")}
              type="email"
              autoComplete="email"
              inputMode="email"
              autoFocus
              required
            />
          )}
        </Field>
        <Field label={t("password")} error={fieldError(form.formState.errors.password?.message)}>
          {(control) => (
            <Input
              {...control}
              {...form.register("password")}
              type="password"
              autoComplete="current-password"
              required
            />
          )}
        </Field>
        {error && <Alert>{error}</Alert>}
        <Button type="submit" size="lg" className="w-full" disabled={pending}>
          {pending && <Spinner />}
          {t("signIn.submit")}
        </Button>
      </form>
    </AuthCard>
  );
}

const FIELD_PROBLEMS = ["invalid_email", "password_too_short", "password_too_long"] as const;

/** The schema's error code, as a key of auth.fieldErrors. */
export function fieldProblem(message: string): (typeof FIELD_PROBLEMS)[number] {
  return FIELD_PROBLEMS.find((p) => p === message) ?? "invalid_email";
}
