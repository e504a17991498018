import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { CollectionsManager } from "@/components/collections/collections-manager";
import { BackToVideos } from "@/components/studio/back-to-videos";
import { workspaceAccessOrNotFound } from "@/components/studio/workspace-access";
import { listCollections } from "@/lib/collections/list-collections";
import { can } from "@/lib/workspaces/permissions";

type Params = Promise<{ slug: string }>;

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("collections");
  return { title: t("pageTitle") };
}

export default async function CollectionsPage(props: { params: Params }) {
  const { slug } = await props.params;
  const { workspace, role } = await workspaceAccessOrNotFound(slug);
  const [t, collections] = await Promise.all([
    getTranslations("collections"),
    listCollections({ workspaceId: workspace.id }),
  ]);
  return (
    <div className="mx-auto w-full max-w-[960px] flex-1 px-4 py-5 sm:px-6 sm:py-8">
      <BackToVideos slug={workspace.slug} className="mb-3" />
      <div className="mb-5">
        <h1 className="text-lg font-semibold tracking-tight text-fg">{t("pageTitle")}</h1>
        <p className="mt-1 text-[13px] text-fg-muted">{t("pageBody")}</p>
      </div>
      <CollectionsManager
        slug={workspace.slug}
        initial={collections}
        canManage={can(role, "collection.manage")}
        canShare={can(role, "share.create")}
      />
    </div>
  );
}
