import { useTranslations } from "next-intl";
import { BackToVideos } from "@/components/studio/back-to-videos";

/** What a deleted video's page says: when it was open at the time, and when opened later. */
export function GenerationGone(props: { slug: string }) {
  const t = useTranslations("detail");
  return (
    <div data-testid="generation-gone">
      <BackToVideos slug={props.slug} />
      <div className="mt-4 rounded-2xl border border-dashed border-line-strong bg-surface px-6 py-14 text-center">
        <h1 className="text-[15px] font-semibold text-fg">{t("gone")}</h1>
        <p className="mt-1 text-[13px] text-fg-muted">{t("goneBody")}</p>
      </div>
    </div>
  );
}
