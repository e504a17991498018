import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { AcceptInviteButton } from "@/components/auth/accept-invite-button";
import { Logo } from "@/components/brand/logo";
import { LanguageSwitcher } from "@/components/studio/language-switcher";
import { buttonClasses } from "@/components/ui/button";
import { currentUser } from "@/lib/auth/session";
import { getInvite } from "@/lib/invites/get-invite";

type Params = Promise<{ token: string }>;

// The token is a secret: keep the page out of search engines and out of Referer headers.
export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("invite");
  return { title: t("title"), robots: { index: false }, referrer: "no-referrer" };
}

export default async function InvitePage(props: { params: Params }) {
  const { token } = await props.params;
  const [invite, user, t, tr] = await Promise.all([
    getInvite(token),
    currentUser(),
    getTranslations("invite"),
    getTranslations("workspaces.roles"),
  ]);
  const back = `/invite/${encodeURIComponent(token)}`;

  let body: React.ReactNode;
  if (invite.status !== "valid") {
    body = (
      <div className="text-center">
        <h1 className="text-xl font-semibold tracking-tight text-zinc-900">
          {t(`dead.${invite.status}.title`)}
        </h1>
        <p className="mt-2 text-sm leading-6 text-zinc-500">{t(`dead.${invite.status}.body`)}</p>
        <Link href="/" className={buttonClasses({ variant: "secondary", className: "mt-6" })}>
          {t("home")}
        </Link>
      </div>
    );
  } else {
    const role = invite.role === "admin" || invite.role === "member" ? invite.role : "viewer";
    body = (
      <div className="text-center">
        <p className="text-[13px] font-medium text-zinc-500">{t("invited")}</p>
        <h1 className="mt-1 text-2xl font-semibold tracking-tight break-words text-zinc-900">
          {invite.workspace.name}
        </h1>
        <p className="mt-2 text-sm text-zinc-500">
          {t("asRole", { role: tr(role) })} — {t(`roleHelp.${role}`)}
        </p>
        <div className="mt-6">
          {user ? (
            <>
              <AcceptInviteButton token={token} />
              <p className="mt-3 text-xs text-zinc-500">{t("signedInAs", { email: user.email })}</p>
            </>
          ) : (
            <div className="flex flex-col gap-2.5">
              <Link
                href={`/sign-up?callbackUrl=${encodeURIComponent(back)}`}
                className={buttonClasses({ size: "lg", className: "w-full" })}
              >
                {t("signUpToJoin")}
              </Link>
              <Link
                href={`/sign-in?callbackUrl=${encodeURIComponent(back)}`}
                className={buttonClasses({ size: "lg", variant: "secondary", className: "w-full" })}
              >
                {t("signInToJoin")}
              </Link>
            </div>
          )}
        </div>
      </div>
    );
  }

  return (
    <div className="relative flex min-h-dvh flex-col overflow-hidden">
      <div
        aria-hidden="true"
        className="pointer-events-none absolute inset-x-0 -top-40 h-[480px] bg-[radial-gradient(ellipse_at_center,var(--color-accent-100),transparent_65%)] opacity-70"
      />
      <header className="relative flex items-center justify-between px-5 py-4 sm:px-8">
        <Logo />
        <LanguageSwitcher />
      </header>
      <main className="relative flex flex-1 items-start justify-center px-4 pt-8 pb-16 sm:items-center sm:pt-0">
        <div className="w-full max-w-[420px] rounded-2xl bg-white p-6 shadow-sm ring-1 ring-zinc-200/80 sm:p-8">
          {body}
        </div>
      </main>
    </div>
  );
}
