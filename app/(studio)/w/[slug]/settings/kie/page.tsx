import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { AdminOnly } from "@/components/kie-account/admin-only";
import { ContentFilterSwitch } from "@/components/kie-account/content-filter-switch";
import { KeyRow } from "@/components/kie-account/key-row";
import { SettingsCard } from "@/components/kie-account/settings-card";
import { WorkspaceBudget } from "@/components/kie-account/workspace-budget";
import { workspaceAccessOrNotFound } from "@/components/studio/workspace-access";
import { getKieSettings } from "@/lib/kie-account/get-kie-settings";
import { can } from "@/lib/workspaces/permissions";

type Params = Promise<{ slug: string }>;

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("kieAccount");
  return { title: t("title") };
}

export default async function KieSettingsPage(props: { params: Params }) {
  const { slug } = await props.params;
  const { workspace, role } = await workspaceAccessOrNotFound(slug);
  const t = await getTranslations("kieAccount");
  if (!can(role, "settings.keys")) return <AdminOnly title={t("title")} />;
  // Only statuses and the mask leave the server; the keys themselves never do.
  const s = await getKieSettings(workspace.id);
  const fallback = t(s.serverDefault === "simulator" ? "fallbackSimulator" : "fallbackServer");
  return (
    <div className="mx-auto w-full max-w-3xl flex-1 space-y-6 px-4 py-5 sm:px-6 sm:py-8">
      <div>
        <h1 className="text-xl font-semibold tracking-tight text-fg">{t("title")}</h1>
        <p className="mt-1 text-sm leading-6 text-fg-muted">{t("intro")}</p>
      </div>
      <SettingsCard title={t("keysTitle")} description={t("keysIntro")}>
        <div className="divide-y divide-line-soft">
          <KeyRow
            slug={workspace.slug}
            which="apiKey"
            status={s.apiKey.status}
            hint={s.apiKey.hint}
            fallback={fallback}
          />
          <KeyRow
            slug={workspace.slug}
            which="hmacKey"
            status={s.hmacKey.status}
            hint={null}
            fallback={t("hmacKey.fallback")}
          />
        </div>
      </SettingsCard>
      <SettingsCard title={t("contentFilter.title")}>
        <ContentFilterSwitch slug={workspace.slug} initial={s.contentFilter} />
      </SettingsCard>
      <SettingsCard title={t("budget.title")} description={t("budget.intro")}>
        <WorkspaceBudget slug={workspace.slug} budget={s.budget} members={s.members} />
      </SettingsCard>
    </div>
  );
}
