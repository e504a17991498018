import { getTranslations } from "next-intl/server";

/** What a member who isn't an admin sees on an admin-only settings page. */
export async function AdminOnly(props: { title: string }) {
  const t = await getTranslations("kieAccount");
  return (
    <div
      data-testid="admin-only"
      className="mx-auto w-full max-w-3xl flex-1 px-4 py-5 sm:px-6 sm:py-8"
    >
      <h1 className="text-xl font-semibold tracking-tight text-zinc-900">{props.title}</h1>
      <p className="mt-3 rounded-lg bg-zinc-50 px-3 py-2 text-[13px] text-zinc-600 ring-1 ring-zinc-200 ring-inset">
        {t("adminOnly")}
      </p>
    </div>
  );
}
