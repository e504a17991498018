"use client";
import { useQuery } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { unwrap } from "@/components/collections/queries";
import { shareKeys } from "@/components/sharing/share-keys";
import { ShareLinkRow } from "@/components/sharing/share-link-row";
import { cn } from "@/components/ui/cn";
import { LinkIcon } from "@/components/ui/icons";
import { listShareLinksAction } from "@/lib/actions/sharing/list-share-links";
import type { ShareLinkDto } from "@/lib/sharing/dto";

const TABS = ["active", "all"] as const;

/** The workspace's share links, with views; members revoke their own, admins any. */
export function ShareLinksList(props: {
  slug: string;
  initial: ShareLinkDto[];
  userId: string;
  canRevokeAny: boolean;
}) {
  const t = useTranslations("sharing");
  const [tab, setTab] = useState<(typeof TABS)[number]>("active");
  const links = useQuery({
    queryKey: [...shareKeys.all(props.slug), "list"],
    queryFn: () => unwrap(listShareLinksAction({ workspaceSlug: props.slug })),
    initialData: props.initial,
  });
  const shown = (links.data ?? []).filter((l) => tab === "all" || l.status === "active");

  return (
    <section className="rounded-2xl bg-surface shadow-xs ring-1 ring-line/80">
      <div className="flex gap-1 border-b border-line-soft px-3 pt-2" role="tablist">
        {TABS.map((k) => (
          <button
            key={k}
            type="button"
            role="tab"
            aria-selected={tab === k}
            onClick={() => setTab(k)}
            className={cn(
              "-mb-px border-b-2 px-2.5 pt-1 pb-2 text-[13px] font-medium",
              tab === k ? "border-fg text-fg" : "border-transparent text-fg-muted hover:text-fg",
            )}
          >
            {t(`tabs.${k}`)}
          </button>
        ))}
      </div>
      {shown.length === 0 ? (
        <div className="flex flex-col items-center px-6 py-14 text-center">
          <div className="flex size-11 items-center justify-center rounded-xl bg-accent-50 text-accent-600 ring-1 ring-accent-100">
            <LinkIcon className="size-5" />
          </div>
          <p className="mt-4 text-sm font-semibold text-fg">{t("emptyTitle")}</p>
          <p className="mt-1 max-w-xs text-[13px] leading-5 text-fg-muted">{t("emptyBody")}</p>
        </div>
      ) : (
        <ul className="divide-y divide-line-soft px-4">
          {shown.map((l) => (
            <ShareLinkRow
              key={l.id}
              slug={props.slug}
              link={l}
              canRevoke={props.canRevokeAny || l.createdBy?.id === props.userId}
            />
          ))}
        </ul>
      )}
    </section>
  );
}
