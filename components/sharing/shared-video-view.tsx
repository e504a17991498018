import { getTranslations } from "next-intl/server";
import { modelSummary } from "@/components/models/model-text";
import { SharedGrid } from "@/components/sharing/shared-grid";
import { buttonClasses } from "@/components/ui/button";
import { DownloadIcon } from "@/components/ui/icons";
import { promptTitle } from "@/lib/generations/prompt-title";
import type { SharedPage, SharedVideo } from "@/lib/sharing/get-shared-page";

/**
 * A single shared video: the player first, then the title, the prompt if shown, download. The
 * browser tab and link previews may be titled by the prompt's first line; the page itself shows
 * the prompt once, in full, under its own heading.
 */
export async function SharedVideoView(props: { page: SharedPage }) {
  const t = await getTranslations("publicShare");
  const tm = await getTranslations("models");
  const video = props.page.videos[0];
  if (!video) return null;
  // As the tab and link previews are titled: the link's own title, else the prompt's first words.
  const heading = props.page.title ?? (video.prompt ? promptTitle(video.prompt, 70) : "");
  return (
    <article className="mx-auto max-w-[960px] space-y-5">
      <Player video={video} />
      <div className="flex flex-wrap items-start justify-between gap-3">
        <div className="min-w-0">
          <h1 className="text-lg font-semibold tracking-tight break-words text-fg sm:text-xl">
            {heading || t("videoTitle")}
          </h1>
          <p className="mt-1 text-[13px] text-fg-muted">
            {t("from", { workspace: props.page.workspaceName })}
            <span data-testid="shared-model">{` · ${modelSummary(tm, video)}`}</span>
          </p>
        </div>
        {video.downloadUrl && <DownloadLink href={video.downloadUrl} label={t("download")} />}
      </div>
      {video.prompt && (
        <section className="rounded-2xl bg-surface p-4 shadow-xs ring-1 ring-line/80 sm:p-5">
          <h2 className="text-[13px] font-medium text-fg-muted">{t("prompt")}</h2>
          <p
            data-testid="shared-prompt"
            className="mt-2 text-[15px] leading-relaxed break-words whitespace-pre-wrap text-fg"
          >
            {video.prompt}
          </p>
        </section>
      )}
    </article>
  );
}

/** A collection or gallery: a wall of posters that open in a full-screen viewer. */
export async function SharedGridView(props: { page: SharedPage; title: string }) {
  const t = await getTranslations("publicShare");
  const { videos } = props.page;
  return (
    <section className="space-y-5">
      <div>
        <h1 className="text-lg font-semibold tracking-tight break-words text-fg sm:text-xl">
          {props.title}
        </h1>
        <p className="mt-1 text-[13px] text-fg-muted">
          {/* A gallery's own default title already names its workspace. */}
          {(props.page.kind !== "gallery" || props.page.title) &&
            `${t("from", { workspace: props.page.workspaceName })} · `}
          {t("videoCount", { count: videos.length })}
        </p>
      </div>
      {videos.length === 0 ? (
        <p className="rounded-2xl border border-dashed border-line-strong bg-surface/60 px-6 py-16 text-center text-sm text-fg-muted">
          {t("empty")}
        </p>
      ) : (
        <SharedGrid videos={videos} />
      )}
    </section>
  );
}

/** The single shared video, first on its page: its metadata loads at once. */
function Player(props: { video: SharedVideo }) {
  const { video } = props;
  return (
    // biome-ignore lint/a11y/useMediaCaption: generated videos come without any caption track
    <video
      data-testid="shared-video"
      controls
      playsInline
      preload="metadata"
      poster={video.posterUrl ?? undefined}
      src={video.videoUrl}
      // Without a download permission, the browser's own menu shouldn't offer one either.
      controlsList={video.downloadUrl ? undefined : "nodownload"}
      className="aspect-video w-full rounded-2xl bg-black shadow-sm ring-1 ring-fg/10"
    />
  );
}

function DownloadLink(props: { href: string; label: string }) {
  return (
    <a href={props.href} download className={buttonClasses({ variant: "primary" })}>
      <DownloadIcon className="size-4" />
      {props.label}
    </a>
  );
}
