import type { Metadata } from "next";
import { Gallery } from "@/components/gallery/gallery";
import { PromptEditor } from "@/components/studio/prompt-editor";
import { workspaceAccessOrNotFound } from "@/components/studio/workspace-access";
import { listGenerations } from "@/lib/generations/list-generations";
import { can } from "@/lib/workspaces/permissions";
import { hasRole } from "@/lib/workspaces/roles";

type Params = Promise<{ slug: string }>;

export async function generateMetadata(props: { params: Params }): Promise<Metadata> {
  const { slug } = await props.params;
  const { workspace } = await workspaceAccessOrNotFound(slug);
  return { title: workspace.name };
}

export default async function StudioPage(props: { params: Params }) {
  const { slug } = await props.params;
  const { workspace, role, user } = await workspaceAccessOrNotFound(slug);
  // The first page comes with the HTML; later pages and live changes come through the API.
  const firstPage = await listGenerations({
    workspaceId: workspace.id,
    workspaceSlug: workspace.slug,
  });
  const canGenerate = hasRole(role, "member");
  return (
    <div className="mx-auto w-full max-w-[1440px] flex-1 px-4 py-5 sm:px-6 sm:py-8">
      {/* The header names the workspace; this names the page for a screen reader's outline. */}
      <h1 className="sr-only">{workspace.name}</h1>
      <div className="grid items-start gap-6 lg:grid-cols-[minmax(340px,400px)_minmax(0,1fr)] lg:gap-8">
        <div className="lg:sticky lg:top-[80px]">
          <PromptEditor
            slug={workspace.slug}
            canGenerate={canGenerate}
            canSetBudget={can(role, "settings.budget")}
          />
        </div>
        <Gallery
          slug={workspace.slug}
          initialPage={firstPage}
          canGenerate={canGenerate}
          viewer={{ id: user.id, manageAny: can(role, "generation.manage-any") }}
        />
      </div>
    </div>
  );
}
