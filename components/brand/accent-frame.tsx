import type { ReactNode } from "react";
import { Logo } from "@/components/brand/logo";
import { LanguageSwitcher } from "@/components/studio/language-switcher";
import { ThemeSwitcher } from "@/components/theme/theme-switcher";
import { SkipLink } from "@/components/ui/skip-link";

/**
 * The frame of the pages outside a workspace (sign-in, sign-up, an invite): the logo and a
 * language choice above one centred column, on a soft wash of the accent.
 */
export function AccentFrame(props: { children: ReactNode }) {
  return (
    <div className="relative flex min-h-dvh flex-col overflow-hidden">
      {/* Decoration only. */}
      <div
        aria-hidden="true"
        className="pointer-events-none absolute inset-x-0 -top-40 h-[480px] bg-[radial-gradient(ellipse_at_center,var(--accent-100),transparent_65%)] opacity-70"
      />
      <SkipLink />
      <header className="relative flex items-center justify-between px-5 py-4 sm:px-8">
        <Logo />
        <div className="flex items-center gap-2">
          <LanguageSwitcher />
          <ThemeSwitcher />
        </div>
      </header>
      <main
        id="main"
        tabIndex={-1}
        className="relative flex flex-1 outline-none items-start justify-center px-4 pt-8 pb-16 sm:items-center sm:pt-0"
      >
        {props.children}
      </main>
    </div>
  );
}
