import { dehydrate, HydrationBoundary, QueryClient } from "@tanstack/react-query";
import { Eye } from "lucide-react";
import type { Metadata } from "next";
import { cookies } from "next/headers";
import { getTranslations } from "next-intl/server";
import { Suspense } from "react";
import { collectionKeys } from "@/components/collections/collection-keys";
import { Gallery } from "@/components/gallery/gallery";
import { PromptEditor } from "@/components/studio/prompt-editor";
import { StudioLayout } from "@/components/studio/studio-layout";
import { workspaceAccessOrNotFound } from "@/components/studio/workspace-access";
import { listFavoriteIds } from "@/lib/favorites/list-favorite-ids";
import { listGenerations } from "@/lib/generations/list-generations";
import {
  DENSITY_COOKIE,
  EDITOR_COOKIE,
  parseDensity,
  parseEditorState,
} from "@/lib/studio/layout-prefs";
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
  const canGenerate = hasRole(role, "member");
  // The person's stars come with the page too, so no card waits for them after it appears.
  const [firstPage, favoriteIds] = await Promise.all([
    listGenerations({ workspaceId: workspace.id, workspaceSlug: workspace.slug }),
    canGenerate ? listFavoriteIds({ workspaceId: workspace.id, userId: user.id }) : null,
  ]);
  const seeded = new QueryClient();
  if (favoriteIds) seeded.setQueryData(collectionKeys.favorites(workspace.slug), favoriteIds);
  const prefs = await cookies();
  // The editor and the gallery each come in a Suspense boundary of their own, though nothing in
  // them waits for data: React hydrates such a boundary after the page's frame, in short slices
  // that leave the main thread free between them, rather than in one long task with the rest.
  const gallery = (
    <Suspense>
      <HydrationBoundary state={dehydrate(seeded)}>
        <Gallery
          slug={workspace.slug}
          initialPage={firstPage}
          initialDensity={parseDensity(prefs.get(DENSITY_COOKIE)?.value)}
          canGenerate={canGenerate}
          viewer={{ id: user.id, manageAny: can(role, "generation.manage-any") }}
        />
      </HydrationBoundary>
    </Suspense>
  );
  const t = await getTranslations("editor");
  return (
    <div className="mx-auto w-full max-w-[1440px] flex-1 px-4 py-5 sm:px-6 sm:py-8">
      {/* The header names the workspace; this names the page for a screen reader's outline. */}
      <h1 className="sr-only">{workspace.name}</h1>
      {canGenerate ? (
        <StudioLayout
          initialEditor={parseEditorState(prefs.get(EDITOR_COOKIE)?.value)}
          editor={
            <Suspense>
              <PromptEditor
                slug={workspace.slug}
                canGenerate={canGenerate}
                canSetBudget={can(role, "settings.budget")}
              />
            </Suspense>
          }
          gallery={gallery}
        />
      ) : (
        <>
          {/* A viewer makes nothing here: one line says so, and the videos take the page. */}
          <p className="mb-4 flex items-center gap-2 text-[13px] text-fg-muted">
            <Eye aria-hidden="true" className="size-4 shrink-0" />
            {t("viewerNote")}
          </p>
          {gallery}
        </>
      )}
    </div>
  );
}
