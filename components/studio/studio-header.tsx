import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { LogoMark } from "@/components/brand/logo";
import { LanguageSwitcher } from "@/components/studio/language-switcher";
import { NoticeSettings } from "@/components/studio/notice-settings";
import { SignOutButton } from "@/components/studio/sign-out-button";
import { workspaceAccessOrNotFound } from "@/components/studio/workspace-access";
import { ThemeSwitcher } from "@/components/theme/theme-switcher";
import { buttonClasses } from "@/components/ui/button";
import { SettingsIcon } from "@/components/ui/icons";
import { SkipLink } from "@/components/ui/skip-link";
import { WorkspaceSwitcher } from "@/components/workspaces/workspace-switcher";
import { listWorkspaces } from "@/lib/workspaces/list-workspaces";

export async function StudioHeader(props: {
  workspace: { name: string; slug: string };
  email: string;
}) {
  const t = await getTranslations("header");
  // The layout already looked the caller up (cached per request).
  const { user } = await workspaceAccessOrNotFound(props.workspace.slug);
  const workspaces = await listWorkspaces(user.id);
  const slug = encodeURIComponent(props.workspace.slug);
  return (
    <header className="sticky top-0 z-30 border-b border-line/80 bg-surface/80 backdrop-blur-md">
      <SkipLink />
      <div className="mx-auto flex h-14 max-w-[1440px] items-center gap-2 px-4 sm:gap-3 sm:px-6">
        <Link
          href={`/w/${encodeURIComponent(props.workspace.slug)}`}
          className="flex min-w-0 items-center gap-2.5 rounded-md focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-accent-500"
        >
          <LogoMark className="size-7 shrink-0" />
          <span className="sr-only text-[15px] font-semibold tracking-tight text-fg sm:not-sr-only">
            Hailuo Studio
          </span>
        </Link>
        <span aria-hidden="true" className="hidden text-fg-faint sm:inline">
          /
        </span>
        <WorkspaceSwitcher current={props.workspace.slug} workspaces={workspaces} />
        <div className="ml-auto flex items-center gap-1 sm:gap-3">
          <Link
            href={`/w/${slug}/settings`}
            className={buttonClasses({ variant: "ghost", size: "sm" })}
          >
            <SettingsIcon className="size-4" />
            <span className="sr-only sm:not-sr-only">{t("settings")}</span>
          </Link>
          <LanguageSwitcher />
          {/* A phone doesn't keep a page running in the background, nor show its notifications. */}
          <NoticeSettings className="max-sm:hidden" />
          <ThemeSwitcher />
          <span
            className="hidden max-w-[220px] truncate text-[13px] text-fg-muted md:inline"
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
