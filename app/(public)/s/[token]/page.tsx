import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { PublicShell } from "@/components/sharing/public-shell";
import { SharePasswordForm } from "@/components/sharing/share-password-form";
import { SharedGridView, SharedVideoView } from "@/components/sharing/shared-video-view";
import { ViewBeacon } from "@/components/sharing/view-beacon";
import { loadShare } from "@/lib/sharing/load-share";
import {
  type ShareMetadataLabels,
  sharedPageTitle,
  shareMetadata,
} from "@/lib/sharing/share-metadata";

type Params = Promise<{ token: string }>;

async function labels(): Promise<ShareMetadataLabels> {
  const t = await getTranslations("publicShare");
  return {
    unavailableTitle: t("unavailableTitle"),
    lockedTitle: t("lockedTitle"),
    videoTitle: t("videoTitle"),
    collectionTitle: (name) => name,
    galleryTitle: (workspace) => t("galleryTitle", { workspace }),
    shotTitle: (takes, workspace) => t("shotTitle", { takes, workspace }),
    description: t("description"),
  };
}

export async function generateMetadata(props: { params: Params }): Promise<Metadata> {
  const { token } = await props.params;
  return shareMetadata({ token, state: await loadShare(token), labels: await labels() });
}

// GET /s/:token — a shared video, shot, collection or gallery, for anyone with the link
export default async function SharePage(props: { params: Params }) {
  const { token } = await props.params;
  const state = await loadShare(token);
  if (state.kind === "unavailable") notFound();
  if (state.kind === "locked") {
    return (
      <PublicShell>
        <SharePasswordForm token={token} />
      </PublicShell>
    );
  }
  return (
    <PublicShell narrow={state.page.kind === "generation"}>
      {/* Views are counted by the browser, once per page load; media requests count nothing. */}
      <ViewBeacon token={token} />
      {state.page.kind === "generation" ? (
        <SharedVideoView page={state.page} />
      ) : (
        <SharedGridView page={state.page} title={sharedPageTitle(state.page, await labels())} />
      )}
    </PublicShell>
  );
}
