import { getTranslations } from "next-intl/server";
import type { ReactNode } from "react";
import { BackToVideos } from "@/components/studio/back-to-videos";
import { workspaceAccessOrNotFound } from "@/components/studio/workspace-access";
import { SettingsTabs } from "@/components/workspaces/settings-tabs";
import { can } from "@/lib/workspaces/permissions";

export default async function SettingsLayout(props: {
  children: ReactNode;
  params: Promise<{ slug: string }>;
}) {
  const { slug } = await props.params;
  const { workspace, role } = await workspaceAccessOrNotFound(slug);
  const t = await getTranslations("workspaces.settings");
  const base = `/w/${encodeURIComponent(workspace.slug)}/settings`;
  // Tabs follow the permission table; each page checks again on its own.
  const tabs = [
    { href: base, label: t("general") },
    { href: `${base}/members`, label: t("members") },
    ...(can(role, "settings.keys") ? [{ href: `${base}/kie`, label: t("kie") }] : []),
    ...(can(role, "audit.view") ? [{ href: `${base}/audit`, label: t("audit") }] : []),
  ];
  return (
    <div className="flex flex-1 flex-col">
      <div className="border-b border-line/80 bg-surface/60">
        <div className="mx-auto w-full max-w-3xl px-4 pt-5 sm:px-6 sm:pt-6">
          <BackToVideos slug={workspace.slug} className="mb-2" />
          <p className="text-[13px] font-medium text-fg-muted">{t("title")}</p>
          <div className="mt-1.5">
            <SettingsTabs tabs={tabs} label={t("title")} />
          </div>
        </div>
      </div>
      {props.children}
    </div>
  );
}
