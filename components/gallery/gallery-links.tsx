"use client";
import Link from "next/link";
import { useTranslations } from "next-intl";
import type { ReactNode } from "react";
import { FolderPlusIcon, LinkIcon } from "@/components/ui/icons";

/** The gallery's way to its collections and (for those who may share) its share links. */
export function GalleryLinks(props: { slug: string; canShare: boolean }) {
  const t = useTranslations("filters");
  const base = `/w/${encodeURIComponent(props.slug)}`;
  return (
    <nav aria-label={t("galleryLinks")} className="ml-auto flex items-center gap-0.5">
      <NavLink href={`${base}/collections`} icon={<FolderPlusIcon className="size-4" />}>
        {t("collections")}
      </NavLink>
      {props.canShare && (
        <NavLink href={`${base}/shares`} icon={<LinkIcon className="size-4" />}>
          {t("shareLinks")}
        </NavLink>
      )}
    </nav>
  );
}

function NavLink(props: { href: string; icon: ReactNode; children: ReactNode }) {
  return (
    <Link
      href={props.href}
      className="inline-flex h-8 items-center gap-1.5 rounded-lg px-2 text-[13px] font-medium whitespace-nowrap text-fg-muted hover:bg-muted hover:text-fg"
    >
      {props.icon}
      {props.children}
    </Link>
  );
}
