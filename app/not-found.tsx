import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { LogoMark } from "@/components/brand/logo";
import { buttonClasses } from "@/components/ui/button";

export default async function NotFound() {
  const t = await getTranslations("notFound");
  return (
    <main className="flex min-h-dvh flex-col items-center justify-center px-6 text-center">
      <LogoMark className="size-10" />
      <p className="mt-6 font-mono text-xs tracking-widest text-fg-muted">404</p>
      <h1 className="mt-2 text-xl font-semibold tracking-tight text-fg">{t("title")}</h1>
      <p className="mt-2 max-w-sm text-sm text-fg-muted">{t("body")}</p>
      <Link href="/" className={buttonClasses({ variant: "secondary", className: "mt-6" })}>
        {t("home")}
      </Link>
    </main>
  );
}
