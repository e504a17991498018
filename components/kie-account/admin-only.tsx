import { getTranslations } from "next-intl/server";

/** What a member who isn't an admin sees on an admin-only settings page. */
export async function AdminOnly(props: { title: string }) {
  const t = await getTranslations("kieAccount");
  return (
    <div
      data-testid="admin-only"
      className="mx-auto w-full max-w-3xl flex-1 px-4 py-5 sm:px-6 sm:py-8"
    >
      <h1 className="text-xl font-semibold tracking-tight text-fg">{props.title}</h1>
      <p className="mt-3 rounded-lg bg-canvas px-3 py-2 text-[13px] text-fg-muted ring-1 ring-line ring-inset">
        {t("adminOnly")}
      </p>
    </div>
  );
}
