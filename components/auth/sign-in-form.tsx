"use client";
import { useRouter } from "next/navigation";
import { signIn } from "next-auth/react";
import { useTranslations } from "next-intl";
import { type FormEvent, useState } from "react";
import { AuthCard } from "@/components/auth/auth-card";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Spinner } from "@/components/ui/spinner";
import { TextField } from "@/components/ui/text-field";

export function SignInForm() {
  const t = useTranslations("auth");
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
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
      const result = await signIn("credentials", { email, password, redirect: false });
      if (result?.ok && !result.error) {
        // "/" sends the person on to their first workspace.
        router.replace("/");
        router.refresh();
        return;
      }
      setError(
        result?.error === "CredentialsSignin" || result?.status === 401
          ? t("errors.wrongCredentials")
          : t("errors.generic"),
      );
    } catch {
      setError(t("errors.network"));
    }
    setPending(false);
  }

  return (
    <AuthCard
      title={t("signIn.title")}
      subtitle={t("signIn.subtitle")}
      footer={{ text: t("signIn.noAccount"), linkLabel: t("signUp.link"), href: "/sign-up" }}
    >
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
