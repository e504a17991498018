"use client";
import { zodResolver } from "@hookform/resolvers/zod";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { useForm } from "react-hook-form";
import type { z } from "zod/mini";
import { AuthCard } from "@/components/auth/auth-card";
import { signInWithCredentials } from "@/components/auth/credentials";
import { OAuthButtons, type OAuthProviderId } from "@/components/auth/oauth-buttons";
import { fieldProblem, withCallback } from "@/components/auth/sign-in-form";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { Spinner } from "@/components/ui/spinner";
import { signUpAction } from "@/lib/actions/auth/sign-up";
import { credentialsSchema } from "@/lib/auth/schemas";

type Credentials = z.output<typeof credentialsSchema>;

type SignUpError = "conflict" | "signUpRateLimited" | "unavailable" | "generic" | "network";

// What a refused sign-up tells the person; any other refusal is the generic message.
const SIGN_UP_ERRORS: Partial<Record<string, SignUpError>> = {
  conflict: "conflict",
  rate_limited: "signUpRateLimited",
  unavailable: "unavailable",
};

export function SignUpForm(props: {
  providers: OAuthProviderId[];
  callbackUrl: string;
  /** The workspace an invite link is taking this person to, if that is where they came from. */
  joining?: string | null;
}) {
  const t = useTranslations("auth");
  const router = useRouter();
  const [error, setError] = useState<SignUpError | null>(null);
  // Signed up: the button keeps spinning until the next page is there.
  const [leaving, setLeaving] = useState(false);
  // The server's rules, checked here first only to answer sooner; it checks them again.
  const form = useForm<z.input<typeof credentialsSchema>, unknown, Credentials>({
    resolver: zodResolver(credentialsSchema),
    defaultValues: { email: "", password: "" },
  });
  const fieldError = (message: string | undefined) =>
    message ? t(`fieldErrors.${fieldProblem(message)}`) : null;

  async function onValid({ email, password }: Credentials) {
    setError(null);
    try {
      const result = await signUpAction({ email, password });
      if (!result.ok) {
        if (result.error.code === "invalid_input") {
          for (const name of ["email", "password"] as const) {
            const message = result.error.fields?.[name];
            if (message) form.setError(name, { message });
          }
        } else {
          setError(SIGN_UP_ERRORS[result.error.code] ?? "generic");
        }
        return;
      }
      const signedIn = await signInWithCredentials(email, password);
      const next =
        props.callbackUrl === "/"
          ? `/w/${encodeURIComponent(result.data.slug)}`
          : props.callbackUrl;
      router.replace(signedIn === "ok" ? next : withCallback("/sign-in", props.callbackUrl));
      router.refresh();
      setLeaving(true);
    } catch {
      setError("network");
    }
  }

  const pending = form.formState.isSubmitting || leaving;
  return (
    <AuthCard
      title={t("signUp.title")}
      subtitle={
        props.joining
          ? t("signUp.subtitleJoining", { workspace: props.joining })
          : t("signUp.subtitle")
      }
      footer={{
        text: t("signUp.haveAccount"),
        linkLabel: t("signIn.link"),
        href: withCallback("/sign-in", props.callbackUrl),
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
        <Field
          label={t("password")}
          hint={t("passwordHint")}
          error={fieldError(form.formState.errors.password?.message)}
        >
          {(control) => (
            <Input
              {...control}
              {...form.register("password")}
              type="password"
              autoComplete="new-password"
              required
            />
          )}
        </Field>
        {error && (
          <Alert>
            {error === "conflict" ? (
              <>
                {t("errors.emailTaken")}{" "}
                <Link
                  href={withCallback("/sign-in", props.callbackUrl)}
                  className="font-medium underline underline-offset-2"
                >
                  {t("signIn.link")}
                </Link>
              </>
            ) : (
              t(`errors.${error}`)
            )}
          </Alert>
        )}
        <Button type="submit" size="lg" className="w-full" disabled={pending}>
          {pending && <Spinner />}
          {t("signUp.submit")}
        </Button>
      </form>
    </AuthCard>
  );
}
