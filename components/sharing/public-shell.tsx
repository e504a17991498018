import { getTranslations } from "next-intl/server";
import type { ReactNode } from "react";
import { LogoMark } from "@/components/brand/logo";
import { LanguageSwitcher } from "@/components/studio/language-switcher";
import { ThemeSwitcher } from "@/components/theme/theme-switcher";
import { cn } from "@/components/ui/cn";
import { SkipLink } from "@/components/ui/skip-link";

/**
 * The frame of a public share page: no account, no studio chrome, just the work. A single video
 * is narrower than a grid; the header lines up with whichever it frames.
 */
export async function PublicShell(props: { children: ReactNode; narrow?: boolean }) {
  const width = props.narrow ? "max-w-[1008px]" : "max-w-[1200px]";
  const t = await getTranslations("publicShare");
  return (
    <div className="flex min-h-dvh flex-col bg-canvas">
      <SkipLink />
      <header className="border-b border-line/80 bg-surface/80 backdrop-blur-md">
        <div className={cn("mx-auto flex h-14 items-center gap-2.5 px-4 sm:px-6", width)}>
          <LogoMark className="size-7 shrink-0" />
          <span className="text-[15px] font-semibold tracking-tight text-fg">Hailuo Studio</span>
          <span className="ml-auto hidden text-xs text-fg-muted sm:inline">
            {t("sharedWithYou")}
          </span>
          <LanguageSwitcher className="ml-auto sm:ml-3" />
          <ThemeSwitcher />
        </div>
      </header>
      <main
        id="main"
        tabIndex={-1}
        className={cn("mx-auto w-full flex-1 px-4 py-5 outline-none sm:px-6 sm:py-8", width)}
      >
        {props.children}
      </main>
    </div>
  );
}
