import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { ShareDialog } from "@/components/sharing/share-dialog";
import { ShareLinksList } from "@/components/sharing/share-links-list";
import { BackToVideos } from "@/components/studio/back-to-videos";
import { workspaceAccessOrNotFound } from "@/components/studio/workspace-access";
import { listShareLinks } from "@/lib/sharing/list-share-links";
import { can } from "@/lib/workspaces/permissions";

type Params = Promise<{ slug: string }>;

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("sharing");
  return { title: t("pageTitle") };
}

export default async function SharesPage(props: { params: Params }) {
  const { slug } = await props.params;
  const { user, workspace, role } = await workspaceAccessOrNotFound(slug);
  // Viewers share nothing, so they have no links to list.
  if (!can(role, "share.create")) notFound();
  const [t, links] = await Promise.all([
    getTranslations("sharing"),
    listShareLinks({ workspaceId: workspace.id }),
  ]);
  return (
    <div className="mx-auto w-full max-w-[960px] flex-1 px-4 py-5 sm:px-6 sm:py-8">
      <BackToVideos slug={workspace.slug} className="mb-3" />
      <div className="mb-5 flex flex-wrap items-end justify-between gap-3">
        <div>
          <h1 className="text-lg font-semibold tracking-tight text-fg">{t("pageTitle")}</h1>
          <p className="mt-1 text-[13px] text-fg-muted">{t("pageBody")}</p>
        </div>
        <ShareDialog slug={workspace.slug} target={{ type: "gallery" }} label={t("shareGallery")} />
      </div>
      <ShareLinksList
        slug={workspace.slug}
        initial={links}
        userId={user.id}
        canRevokeAny={can(role, "share.revoke-any")}
      />
    </div>
  );
}
