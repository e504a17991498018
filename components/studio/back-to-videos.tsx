import Link from "next/link";
import { useTranslations } from "next-intl";
import { ArrowLeftIcon } from "@/components/ui/icons";

/** The way back to the workspace's gallery from a page of its own (detail, collections, links). */
export function BackToVideos(props: { slug: string; className?: string }) {
  const t = useTranslations("common");
  return (
    <Link
      href={`/w/${encodeURIComponent(props.slug)}`}
      className={`-ml-1 inline-flex items-center gap-1.5 rounded-md px-1 py-0.5 text-[13px] font-medium text-fg-muted hover:text-fg focus-visible:outline-2 focus-visible:outline-accent-500 ${props.className ?? ""}`}
    >
      <ArrowLeftIcon className="size-4" />
      {t("backToVideos")}
    </Link>
  );
}
