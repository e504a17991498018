import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { GenerationDetail } from "@/components/generation/generation-detail";
import { workspaceAccessOrNotFound } from "@/components/studio/workspace-access";
import { isAppError } from "@/lib/errors";
import { getGeneration } from "@/lib/generations/get-generation";
import { can } from "@/lib/workspaces/permissions";
import { hasRole } from "@/lib/workspaces/roles";

type Params = Promise<{ slug: string; id: string }>;

async function load(params: Params) {
  const { slug, id } = await params;
  const access = await workspaceAccessOrNotFound(slug);
  try {
    const generation = await getGeneration({
      workspaceId: access.workspace.id,
      workspaceSlug: access.workspace.slug,
      id,
    });
    return { ...access, generation };
  } catch (e) {
    if (isAppError(e) && e.code === "not_found") notFound();
    throw e;
  }
}

export async function generateMetadata(props: { params: Params }): Promise<Metadata> {
  const { generation } = await load(props.params);
  const t = await getTranslations("detail");
  const firstLine = generation.prompt.trim().split("\n")[0] ?? "";
  return { title: firstLine.length > 60 ? `${firstLine.slice(0, 60)}…` : firstLine || t("title") };
}

export default async function GenerationPage(props: { params: Params }) {
  const { workspace, role, user, generation } = await load(props.params);
  return (
    <main className="mx-auto w-full max-w-[1200px] flex-1 px-4 py-5 sm:px-6 sm:py-8">
      <GenerationDetail
        slug={workspace.slug}
        initial={generation}
        canGenerate={hasRole(role, "member")}
        viewer={{ id: user.id, manageAny: can(role, "generation.manage-any") }}
      />
    </main>
  );
}
