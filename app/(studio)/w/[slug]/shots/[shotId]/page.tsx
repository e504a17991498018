import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { cache } from "react";
import { ShotView } from "@/components/shots/shot-view";
import { workspaceAccessOrNotFound } from "@/components/studio/workspace-access";
import { listGenerations } from "@/lib/generations/list-generations";
import { promptTitle } from "@/lib/generations/prompt-title";
import { MAX_TAKES } from "@/lib/generations/takes";
import { can } from "@/lib/workspaces/permissions";
import { hasRole } from "@/lib/workspaces/roles";

type Params = Promise<{ slug: string; shotId: string }>;

// Once per request: the page's metadata and its body both need the takes.
const loadShot = cache(async (slug: string, shotId: string) => {
  const access = await workspaceAccessOrNotFound(slug);
  const page = await listGenerations({
    workspaceId: access.workspace.id,
    workspaceSlug: access.workspace.slug,
    limit: MAX_TAKES,
    filters: { shotId },
  });
  if (page.items.length === 0) notFound();
  return { ...access, page };
});

export async function generateMetadata(props: { params: Params }): Promise<Metadata> {
  const { slug, shotId } = await props.params;
  const { page } = await loadShot(slug, shotId);
  const t = await getTranslations("shots");
  return { title: promptTitle(page.items[0]?.prompt ?? "") || t("title") };
}

export default async function ShotPage(props: { params: Params }) {
  const { slug, shotId } = await props.params;
  const { workspace, role, user, page } = await loadShot(slug, shotId);
  return (
    <div className="mx-auto w-full max-w-[1400px] flex-1 px-4 py-5 sm:px-6 sm:py-8">
      <ShotView
        slug={workspace.slug}
        shotId={shotId}
        initial={page}
        canGenerate={hasRole(role, "member")}
        viewer={{ id: user.id, manageAny: can(role, "generation.manage-any") }}
      />
    </div>
  );
}
