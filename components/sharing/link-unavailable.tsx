import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { PublicShell } from "@/components/sharing/public-shell";
import { buttonClasses } from "@/components/ui/button";

/**
 * One page for every link that doesn't open — unknown, revoked, expired or whose video is gone —
 * so the page never tells which.
 */
export async function LinkUnavailable() {
  const t = await getTranslations("publicShare");
  return (
    <PublicShell>
      <div
        data-testid="share-unavailable"
        className="flex flex-col items-center px-2 pt-16 pb-10 text-center sm:pt-24"
      >
        <h1 className="text-xl font-semibold tracking-tight text-balance text-fg">
          {t("unavailableTitle")}
        </h1>
        <p className="mt-2 max-w-sm text-sm leading-6 text-pretty text-fg-muted">
          {t("unavailableBody")}
        </p>
        <Link href="/" className={buttonClasses({ variant: "secondary", className: "mt-6" })}>
          {t("visitStudio")}
        </Link>
      </div>
    </PublicShell>
  );
}
