import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { AuditLogList } from "@/components/audit/audit-log-list";
import { AdminOnly } from "@/components/kie-account/admin-only";
import { workspaceAccessOrNotFound } from "@/components/studio/workspace-access";
import { listAuditLog } from "@/lib/audit/list-audit-log";
import { can } from "@/lib/workspaces/permissions";

type Params = Promise<{ slug: string }>;
type SearchParams = Promise<{ cursor?: string | string[] }>;

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("audit");
  return { title: t("title") };
}

export default async function AuditLogPage(props: { params: Params; searchParams: SearchParams }) {
  const { slug } = await props.params;
  const { workspace, role } = await workspaceAccessOrNotFound(slug);
  const t = await getTranslations("audit");
  if (!can(role, "audit.view")) return <AdminOnly title={t("title")} />;
  const { cursor } = await props.searchParams;
  const page = await listAuditLog({
    workspaceId: workspace.id,
    cursor: typeof cursor === "string" ? cursor : null,
  });
  const base = `/w/${encodeURIComponent(workspace.slug)}/settings/audit`;
  return (
    <div className="mx-auto w-full max-w-3xl flex-1 space-y-6 px-4 py-5 sm:px-6 sm:py-8">
      <div>
        <h1 className="text-xl font-semibold tracking-tight text-fg">{t("title")}</h1>
        <p className="mt-1 text-sm leading-6 text-fg-muted">{t("intro")}</p>
      </div>
      <AuditLogList
        slug={workspace.slug}
        entries={page.items}
        openable={page.openableGenerationIds}
        newestHref={cursor ? base : null}
        olderHref={page.nextCursor ? `${base}?cursor=${encodeURIComponent(page.nextCursor)}` : null}
      />
    </div>
  );
}
