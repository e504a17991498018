import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { LogoMark } from "@/components/brand/logo";
import { LanguageSwitcher } from "@/components/studio/language-switcher";
import { SignOutButton } from "@/components/studio/sign-out-button";

export async function StudioHeader(props: {
  workspace: { name: string; slug: string };
  email: string;
}) {
  const t = await getTranslations("header");
  return (
    <header className="sticky top-0 z-30 border-b border-zinc-200/80 bg-white/80 backdrop-blur-md">
      <div className="mx-auto flex h-14 max-w-[1440px] items-center gap-3 px-4 sm:px-6">
        <Link
          href={`/w/${encodeURIComponent(props.workspace.slug)}`}
          className="flex min-w-0 items-center gap-2.5 rounded-md focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-accent-500"
        >
          <LogoMark className="size-7 shrink-0" />
          <span className="hidden text-[15px] font-semibold tracking-tight text-zinc-900 sm:inline">
            Hailuo Studio
          </span>
        </Link>
        <span aria-hidden="true" className="hidden text-zinc-300 sm:inline">
          /
        </span>
        <span className="min-w-0 truncate text-sm font-medium text-zinc-700">
          <span className="sr-only">{t("workspace")}: </span>
          {props.workspace.name}
        </span>
        <div className="ml-auto flex items-center gap-1.5 sm:gap-3">
          <LanguageSwitcher />
          <span
            className="hidden max-w-[220px] truncate text-[13px] text-zinc-500 md:inline"
            title={props.email}
          >
            <span className="sr-only">{t("signedInAs")} </span>
            {props.email}
          </span>
          <span
            aria-hidden="true"
            title={props.email}
            className="flex size-7 shrink-0 items-center justify-center rounded-full bg-accent-100 text-xs font-semibold text-accent-700 uppercase md:hidden"
          >
            {props.email.slice(0, 1)}
          </span>
          <SignOutButton />
        </div>
      </div>
    </header>
  );
}
