import { getTranslations } from "next-intl/server";
import { LogoMark } from "@/components/brand/logo";

/**
 * One page for every link that doesn't open — unknown, revoked, expired or whose video is gone —
 * so the page never tells which.
 */
export async function LinkUnavailable() {
  const t = await getTranslations("publicShare");
  return (
    <main
      data-testid="share-unavailable"
      className="flex min-h-dvh flex-col items-center justify-center bg-zinc-50 px-6 text-center"
    >
      <LogoMark className="size-10" />
      <h1 className="mt-6 text-xl font-semibold tracking-tight text-zinc-900">
        {t("unavailableTitle")}
      </h1>
      <p className="mt-2 max-w-sm text-sm leading-6 text-zinc-500">{t("unavailableBody")}</p>
    </main>
  );
}
