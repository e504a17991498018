"use client";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { type FormEvent, useState } from "react";
import { AuthCard } from "@/components/auth/auth-card";
import { signInWithCredentials } from "@/components/auth/credentials";
import { OAuthButtons, type OAuthProviderId } from "@/components/auth/oauth-buttons";
import { withCallback } from "@/components/auth/sign-in-form";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Spinner } from "@/components/ui/spinner";
import { TextField } from "@/components/ui/text-field";
import { signUpAction } from "@/lib/actions/auth/sign-up";

type FieldProblem = "invalid_email" | "password_too_short" | "password_too_long";
interface FieldErrors {
  email?: FieldProblem;
  password?: FieldProblem;
}

const FIELD_PROBLEMS = new Set<string>([
  "invalid_email",
  "password_too_short",
  "password_too_long",
]);

function asProblem(value: string | undefined): FieldProblem | undefined {
  return value && FIELD_PROBLEMS.has(value) ? (value as FieldProblem) : undefined;
}

// The server's rules (lib/auth/schemas.ts), checked here first only to answer sooner.
function checkLocally(email: string, password: string): FieldErrors {
  const errors: FieldErrors = {};
  if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email)) errors.email = "invalid_email";
  if (password.length < 8) errors.password = "password_too_short";
  else if (password.length > 200) errors.password = "password_too_long";
  return errors;
}

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
  const [fields, setFields] = useState<FieldErrors>({});
  const [error, setError] = useState<SignUpError | null>(null);
  const [pending, setPending] = useState(false);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const email = String(form.get("email") ?? "").trim();
    const password = String(form.get("password") ?? "");
    const local = checkLocally(email, password);
    setFields(local);
    setError(null);
    if (local.email || local.password) return;

    setPending(true);
    try {
      const result = await signUpAction({ email, password });
      if (!result.ok) {
        if (result.error.code === "invalid_input") {
          setFields({
            email: asProblem(result.error.fields?.email),
            password: asProblem(result.error.fields?.password),
          });
        } else {
          setError(SIGN_UP_ERRORS[result.error.code] ?? "generic");
        }
        setPending(false);
        return;
      }
      const signedIn = await signInWithCredentials(email, password);
      const next =
        props.callbackUrl === "/"
          ? `/w/${encodeURIComponent(result.data.slug)}`
          : props.callbackUrl;
      router.replace(signedIn === "ok" ? next : withCallback("/sign-in", props.callbackUrl));
      router.refresh();
    } catch {
      setError("network");
      setPending(false);
    }
  }

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
          error={fields.email && t(`fieldErrors.${fields.email}`)}
        />
        <TextField
          id="password"
          name="password"
          type="password"
          label={t("password")}
          autoComplete="new-password"
          required
          error={fields.password && t(`fieldErrors.${fields.password}`)}
        />
        {!fields.password && <p className="-mt-2 text-xs text-fg-muted">{t("passwordHint")}</p>}
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
