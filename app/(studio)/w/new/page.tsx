import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { Logo } from "@/components/brand/logo";
import { LanguageSwitcher } from "@/components/studio/language-switcher";
import { ArrowLeftIcon } from "@/components/ui/icons";
import { NewWorkspaceForm } from "@/components/workspaces/new-workspace-form";
import { currentUser } from "@/lib/auth/session";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("workspaces.new");
  return { title: t("title") };
}

export default async function NewWorkspacePage() {
  const user = await currentUser();
  if (!user) redirect("/sign-in?callbackUrl=/w/new");
  const t = await getTranslations("workspaces.new");
  return (
    <div className="flex min-h-dvh flex-col">
      <header className="flex items-center justify-between px-5 py-4 sm:px-8">
        <Logo />
        <div className="flex items-center gap-2 sm:gap-4">
          <Link
            href="/"
            className="inline-flex items-center gap-1.5 rounded-md px-2 py-1 text-sm text-fg-muted hover:text-fg focus-visible:outline-2 focus-visible:outline-accent-500"
          >
            <ArrowLeftIcon className="size-4" />
            {t("back")}
          </Link>
          <LanguageSwitcher />
        </div>
      </header>
      <main className="flex flex-1 items-start justify-center px-4 pt-8 pb-16 sm:items-center sm:pt-0">
        <div className="w-full max-w-[420px]">
          <div className="mb-6 text-center">
            <h1 className="text-2xl font-semibold tracking-tight text-fg">{t("title")}</h1>
            <p className="mt-1.5 text-sm text-fg-muted">{t("subtitle")}</p>
          </div>
          <div className="rounded-2xl bg-surface p-5 shadow-sm ring-1 ring-line/80 sm:p-7">
            <NewWorkspaceForm />
          </div>
        </div>
      </main>
    </div>
  );
}
