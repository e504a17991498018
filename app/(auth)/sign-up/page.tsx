import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { SignUpForm } from "@/components/auth/sign-up-form";
import { safeCallbackUrl } from "@/lib/auth/callback-url";
import { enabledOAuthProviders } from "@/lib/auth/oauth-providers";
import { currentUser } from "@/lib/auth/session";
import { joiningWorkspace } from "@/lib/invites/joining-workspace";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("auth");
  return { title: t("signUp.title") };
}

type SearchParams = Promise<{ callbackUrl?: string | string[]; error?: string | string[] }>;

export default async function SignUpPage(props: { searchParams: SearchParams }) {
  const query = await props.searchParams;
  const callbackUrl = safeCallbackUrl(query.callbackUrl);
  if (await currentUser()) redirect(callbackUrl);
  const joining = await joiningWorkspace(callbackUrl);
  return (
    <SignUpForm providers={enabledOAuthProviders()} callbackUrl={callbackUrl} joining={joining} />
  );
}
