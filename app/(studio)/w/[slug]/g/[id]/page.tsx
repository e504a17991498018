import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { cache } from "react";
import { GenerationDetail } from "@/components/generation/generation-detail";
import { GenerationGone } from "@/components/generation/generation-gone";
import { workspaceAccessOrNotFound } from "@/components/studio/workspace-access";
import { isAppError } from "@/lib/errors";
import { getGeneration } from "@/lib/generations/get-generation";
import { promptTitle } from "@/lib/generations/prompt-title";
import { wasDeleted } from "@/lib/generations/was-deleted";
import { can } from "@/lib/workspaces/permissions";
import { hasRole } from "@/lib/workspaces/roles";

type Params = Promise<{ slug: string; id: string }>;

async function load(params: Params) {
  const { slug, id } = await params;
  return loadGeneration(slug, id);
}

// Once per request: the page's metadata and its body both need the generation.
const loadGeneration = cache(async (slug: string, id: string) => {
  const access = await workspaceAccessOrNotFound(slug);
  try {
    const generation = await getGeneration({
      workspaceId: access.workspace.id,
      workspaceSlug: access.workspace.slug,
      id,
    });
    return { ...access, generation };
  } catch (e) {
    if (!isAppError(e) || e.code !== "not_found") throw e;
    // Someone deleted it: the page says so, as it would have had it been open at the time.
    if (await wasDeleted(access.workspace.id, id)) return { ...access, generation: null };
    notFound();
  }
});

export async function generateMetadata(props: { params: Params }): Promise<Metadata> {
  const { generation } = await load(props.params);
  const t = await getTranslations("detail");
  if (!generation) return { title: t("gone") };
  return { title: promptTitle(generation.prompt) || t("title") };
}

export default async function GenerationPage(props: { params: Params }) {
  const { workspace, role, user, generation } = await load(props.params);
  if (!generation) {
    return (
      <div className="mx-auto w-full max-w-[1200px] flex-1 px-4 py-5 sm:px-6 sm:py-8">
        <GenerationGone slug={workspace.slug} />
      </div>
    );
  }
  const t = await getTranslations("detail");
  return (
    <div className="mx-auto w-full max-w-[1200px] flex-1 px-4 py-5 sm:px-6 sm:py-8">
      {/* The page's subject, for a screen reader's outline; the prompt itself is shown below. */}
      <h1 className="sr-only">{promptTitle(generation.prompt) || t("title")}</h1>
      <GenerationDetail
        slug={workspace.slug}
        initial={generation}
        canGenerate={hasRole(role, "member")}
        viewer={{ id: user.id, manageAny: can(role, "generation.manage-any") }}
      />
    </div>
  );
}
