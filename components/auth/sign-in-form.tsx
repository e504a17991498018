"use client";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { type FormEvent, useState } from "react";
import { AuthCard } from "@/components/auth/auth-card";
import { type SignInOutcome, signInWithCredentials } from "@/components/auth/credentials";
import { OAuthButtons, type OAuthProviderId } from "@/components/auth/oauth-buttons";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Spinner } from "@/components/ui/spinner";
import { TextField } from "@/components/ui/text-field";

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
  const [pending, setPending] = useState(false);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const email = String(form.get("email") ?? "").trim();
    const password = String(form.get("password") ?? "");
    if (!email || !password) {
      setError(t("errors.missingCredentials"));
      return;
    }
    setPending(true);
    setError(null);
    try {
      const outcome = await signInWithCredentials(email, password);
      if (outcome === "ok") {
        // "/" sends the person on to their first workspace.
        router.replace(props.callbackUrl);
        router.refresh();
        return;
      }
      setError(t(OUTCOME_ERRORS[outcome]));
    } catch {
      setError(t("errors.network"));
    }
    setPending(false);
  }

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
      <form onSubmit={onSubmit} noValidate className="space-y-4">
        <TextField
          id="email"
          name="email"
          type="email"
          label={t("email")}
          autoComplete="email"
          inputMode="email"
          autoFocus
          required
        />
        <TextField
          id="password"
          name="password"
          type="password"
          label={t("password")}
          autoComplete="current-password"
          required
        />
        {error && <Alert>{error}</Alert>}
        <Button type="submit" size="lg" className="w-full" disabled={pending}>
          {pending && <Spinner />}
          {t("signIn.submit")}
        </Button>
      </form>
    </AuthCard>
  );
}
