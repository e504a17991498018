"use client";
import Link from "next/link";
import { usePathname, useSearchParams } from "next/navigation";
import { useTranslations } from "next-intl";
import { useCollections } from "@/components/collections/queries";
import { ShareDialog } from "@/components/sharing/share-dialog";
import { buttonClasses } from "@/components/ui/button";
import { FolderPlusIcon } from "@/components/ui/icons";

/**
 * Says which collection the gallery is showing, with its Share link and the way back to every
 * video. Shown when the gallery is filtered to a collection (also how a collection is opened).
 */
export function CollectionBanner(props: { slug: string; canShare: boolean }) {
  const t = useTranslations("collections");
  const params = useSearchParams();
  const pathname = usePathname();
  const id = params.get("collection");
  // Asked for only when the gallery shows a collection.
  const collections = useCollections(props.slug, undefined, id !== null);
  const collection = id ? collections.data?.find((c) => c.id === id) : undefined;
  if (!id || !collection) return null;

  const rest = new URLSearchParams(params);
  rest.delete("collection");
  const allVideos = rest.size ? `${pathname}?${rest}` : pathname;
  return (
    <div
      data-testid="collection-banner"
      className="mb-3 flex flex-wrap items-center gap-x-3 gap-y-2 rounded-xl bg-accent-50 px-3.5 py-2.5 ring-1 ring-accent-200/70 ring-inset"
    >
      <FolderPlusIcon className="size-4 shrink-0 text-accent-700" />
      <p className="min-w-0 flex-1">
        <span className="block text-[11px] font-medium text-accent-700">{t("showing")}</span>
        <span className="line-clamp-2 text-sm font-semibold break-words text-fg">
          {collection.name}
        </span>
      </p>
      <span className="flex items-center gap-1.5">
        {props.canShare && (
          <ShareDialog
            slug={props.slug}
            target={{ type: "collection", collectionId: collection.id }}
            size="sm"
          />
        )}
        <Link
          href={allVideos}
          scroll={false}
          className={buttonClasses({ variant: "ghost", size: "sm" })}
        >
          {t("allVideos")}
        </Link>
      </span>
    </div>
  );
}
